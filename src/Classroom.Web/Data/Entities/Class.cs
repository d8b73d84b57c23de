namespace Classroom.Web.Data.Entities;

public class Class
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Term { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public ApplicationUser? Owner { get; set; }
    /// <summary>What students type to join; unique among classes.</summary>
    public string JoinCode { get; set; } = "";
    /// <summary>IANA time zone the class's dates are shown in.</summary>
    public string TimeZone { get; set; } = "UTC";
    public DateTime CreatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
    public List<Enrollment> Enrollments { get; set; } = [];
    public List<ClassInstructor> CoInstructors { get; set; } = [];
    public List<Assignment> Assignments { get; set; } = [];
}

/// <summary>A student in a class. Removing a student sets <see cref="RemovedAt"/>; their work is kept.</summary>
public class Enrollment
{
    public int Id { get; set; }
    public int ClassId { get; set; }
    public Class? Class { get; set; }
    public string StudentId { get; set; } = "";
    public ApplicationUser? Student { get; set; }
    public DateTime JoinedAt { get; set; }
    public DateTime? RemovedAt { get; set; }
}
