
namespace Classroom.Web.Content.Questions;

/// <summary>A rubric to show, and (once grades are released or to the instructor) the level chosen for each criterion.</summary>
public sealed record RubricView(IReadOnlyList<RubricCriterion> Rubric, IReadOnlyList<int>? Chosen = null);
