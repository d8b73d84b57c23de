using Classroom.Web.Content;
using Classroom.Web.Content.Questions;

namespace Classroom.Web.Features.Pdf;

/// <summary>A lesson's worksheet: its article, guiding questions and quiz with room to answer.</summary>
public sealed record WorksheetModel(Lesson Lesson, Article? Article, QuizDefinition? Quiz, string? ClassName, DateTime Date, Paper Paper)
{
    /// <summary>"Words we use", printed on the back page.</summary>
    public Glossary Glossary { get; init; } = Glossary.Empty;
}

/// <summary>The keys for one quiz version, with the lesson's annotations for the teacher.</summary>
public sealed record AnswerKeyModel(string Title, Lesson Lesson, QuizDefinition Quiz, string? ClassName, DateTime Date, Paper Paper);

public sealed record ReportItem(int Number, Question Question, Answer Answer, decimal? Points, bool Waiting, string? Feedback, IReadOnlyList<int>? Levels);

/// <summary>One student's graded attempt, as the student may see it once grades are released.</summary>
public sealed record GradedReportModel(string Student, string AssignmentTitle, string? ClassName, string? Submitted, bool Late,
    decimal Score, decimal MaxScore, IReadOnlyList<ReportItem> Items);

public sealed record ClassSetModel(string AssignmentTitle, string ClassName, DateTime Date, Paper Paper, IReadOnlyList<GradedReportModel> Reports);

public sealed record GradebookPdfModel(string ClassName, DateTime Date, Paper Paper, Gradebook.GradebookTable Table);
