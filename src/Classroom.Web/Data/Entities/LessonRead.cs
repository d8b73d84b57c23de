namespace Classroom.Web.Data.Entities;

/// <summary>A student opened a lesson. Kept once per student and lesson, with the first time.</summary>
public class LessonRead
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string LessonSlug { get; set; } = "";
    public DateTime FirstReadAt { get; set; }
}
