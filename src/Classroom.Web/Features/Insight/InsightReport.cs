using System.Security.Claims;
using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Insight;

/// <summary>One student's counted attempt, as the statistics read it.</summary>
public sealed record CountedAttempt(int AttemptId, string StudentId, string Name, decimal Total, decimal Max, IReadOnlyDictionary<string, CountedResponse> Responses);

/// <summary>One response of a counted attempt: the answer, the points that count, and the machine's verdict.</summary>
public sealed record CountedResponse(Answer Answer, decimal Points, bool NeedsGrading, AutoScore Marks, IReadOnlyList<int>? Levels);

/// <summary>
/// What the class-insight pages are built from: four queries whatever the class size (the assignment, the access
/// check, the attempts with names, the responses of the counted attempts), and the count of enrolled students.
/// </summary>
public static class InsightQuery
{
    public static async Task<InsightData?> LoadAsync(ClassroomDbContext primary, ClassroomDbContext reporting, ClassAccess access,
        QuizVersions versions, int assignmentId, ClaimsPrincipal user)
    {
        var assignment = await primary.Assignments.AsNoTracking().Include(a => a.Class).SingleOrDefaultAsync(a => a.Id == assignmentId);
        if (assignment is null || !await access.TeachesAsync(assignment.ClassId, user)) return null;
        var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
        var attempts = await reporting.Attempts.AsNoTracking()
            .Where(a => a.AssignmentId == assignmentId && a.Status != AttemptStatus.InProgress && a.ReturnedAt == null)
            .Select(a => new { a.Id, a.StudentId, Name = a.Student!.DisplayName, a.Status, a.SubmittedAt, a.Score, a.MaxScore })
            .ToListAsync();
        // The attempt that counts for each student, by the gradebook's rule.
        var counted = attempts.GroupBy(a => a.StudentId)
            .Select(g => AssignmentRules.Counting(g.Select(a => new AttemptFacts(a.Id, a.Status, a.SubmittedAt, a.Score)))!.Id)
            .ToHashSet();
        var ids = counted.ToList();
        var responses = await reporting.Responses.AsNoTracking().Where(r => ids.Contains(r.AttemptId))
            .Select(r => new { r.AttemptId, r.QuestionId, r.AnswerJson, r.Points, r.AutoPoints, r.NeedsGrading, r.AutoMarksJson, r.RubricJson })
            .ToListAsync();
        var byAttempt = responses.GroupBy(r => r.AttemptId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.QuestionId,
            r => new CountedResponse(Answer.FromJson(r.AnswerJson), r.Points ?? r.AutoPoints ?? 0, r.NeedsGrading,
                AutoScore.FromStored(r.AutoPoints, r.NeedsGrading, r.AutoMarksJson), RubricScoring.FromJson(r.RubricJson))));
        var students = attempts.Where(a => counted.Contains(a.Id))
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Id)
            .Select(a => new CountedAttempt(a.Id, a.StudentId, a.Name, a.Score ?? 0, a.MaxScore,
                byAttempt.GetValueOrDefault(a.Id) ?? new Dictionary<string, CountedResponse>()))
            .ToList();
        var enrolled = await reporting.Enrollments.CountAsync(e => e.ClassId == assignment.ClassId && e.RemovedAt == null);
        return new InsightData(assignment, quiz, students, enrolled);
    }
}

public sealed record InsightData(Assignment Assignment, QuizDefinition Quiz, IReadOnlyList<CountedAttempt> Students, int Enrolled)
{
    /// <summary>Students whose counted attempt still has a response waiting for a teacher: their totals are not final.</summary>
    public int StillGrading => Students.Count(s => s.Responses.Values.Any(r => r.NeedsGrading));
}

/// <summary>One question's statistics.</summary>
public sealed record ItemRow(int Number, Question Question, int Answered, double? Facility, double? Discrimination, IReadOnlyList<string> Flags, int WaitingForTeacher);

public sealed record OptionShare(string Id, string Text, bool Key, int Count);

/// <summary>One sentence of a highlight question's article: how many of the class marked it, and who.</summary>
public sealed record SentenceShare(string Ref, int Paragraph, string Text, bool Key, IReadOnlyList<string> Marked, IReadOnlyList<string> NotMarked)
{
    public double Share(int students) => students == 0 ? 0 : (double)Marked.Count / students;
}

/// <summary>One cell of the ledger (a row's source, named or attribution): how many got it right, and the commonest wrong answers.</summary>
public sealed record LedgerCellShare(int Row, string Field, string Key, int Right, int Answered, IReadOnlyList<(string Answer, int Count)> CommonWrong);

public sealed record RubricShare(string Criterion, IReadOnlyList<(string Level, decimal Points, int Count)> Levels, int Graded);

/// <summary>Everything the insight page shows for one question beyond its row in the table.</summary>
public sealed record QuestionDetail(ItemRow Item, IReadOnlyList<OptionShare> Options, IReadOnlyList<SentenceShare> Sentences,
    IReadOnlyList<LedgerCellShare> Ledger, IReadOnlyList<RubricShare> Rubric, IReadOnlyList<(string Answer, int Count)> CommonAnswers);

/// <summary>The analysis itself, from loaded data: pure, so a test can give it a class and check every number.</summary>
public static class InsightReport
{
    public static IReadOnlyList<QuestionDetail> Analyse(QuizDefinition quiz, IReadOnlyList<CountedAttempt> students)
    {
        var totals = students.Select(s => s.Total).ToList();
        return quiz.Questions.Select((q, i) =>
        {
            var responses = students.Select(s => s.Responses.GetValueOrDefault(q.Id)).ToList();
            // Scores of a question a teacher has not graded yet would read as 0: the statistics leave those students out of it.
            var scored = students.Select((s, k) => (Student: s, Response: responses[k])).Where(x => x.Response is { NeedsGrading: false }).ToList();
            var itemScores = scored.Select(x => x.Response!.Points).ToList();
            var facility = ItemStatistics.Facility(itemScores, q.Points);
            var discrimination = ItemStatistics.Discrimination(itemScores, scored.Select(x => x.Student.Total).ToList());
            var item = new ItemRow(i + 1, q, responses.Count(r => r is not null && !r.Answer.IsEmpty), facility, discrimination,
                ItemStatistics.Flags(facility, discrimination), responses.Count(r => r is { NeedsGrading: true }));
            return new QuestionDetail(item, Options(q, students), Sentences(q, students), Ledger(q, students), Rubric(q, students), Common(q, students));
        }).ToList();
    }

    private static IReadOnlyList<OptionShare> Options(Question q, IReadOnlyList<CountedAttempt> students) => q switch
    {
        ChoiceQuestion c => c.Options.Select(o => new OptionShare(o.Id, o.Text, o.Correct,
            students.Count(s => s.Responses.GetValueOrDefault(q.Id)?.Answer.Choices.Contains(o.Id) == true))).ToList(),
        TrueFalseQuestion t => [
            new OptionShare("true", "True", t.CorrectAnswer, students.Count(s => s.Responses.GetValueOrDefault(q.Id)?.Answer.TrueFalse == true)),
            new OptionShare("false", "False", !t.CorrectAnswer, students.Count(s => s.Responses.GetValueOrDefault(q.Id)?.Answer.TrueFalse == false)),
        ],
        _ => [],
    };

    private static IReadOnlyList<SentenceShare> Sentences(Question q, IReadOnlyList<CountedAttempt> students)
    {
        if (q is not HighlightQuestion h) return [];
        var key = h.KeySentences.ToHashSet();
        var marks = students.Select(s => (s.Name, Marks: (s.Responses.GetValueOrDefault(q.Id)?.Answer.Sentences ?? []).ToHashSet())).ToList();
        return h.Sentences.Select(s => new SentenceShare(s.Ref, s.Paragraph, s.Text, key.Contains(s.Ref),
            marks.Where(m => m.Marks.Contains(s.Ref)).Select(m => m.Name).ToList(),
            marks.Where(m => !m.Marks.Contains(s.Ref)).Select(m => m.Name).ToList())).ToList();
    }

    private static IReadOnlyList<LedgerCellShare> Ledger(Question q, IReadOnlyList<CountedAttempt> students)
    {
        if (q is not LedgerQuestion l) return [];
        var cells = new List<LedgerCellShare>();
        for (int i = 0; i < l.Rows.Count; i++)
        {
            var row = l.Rows[i];
            var given = students.Select(s => s.Responses.GetValueOrDefault(q.Id)?.Answer.Row(i) ?? LedgerAnswerRow.Blank).ToList();
            var sources = given.Where(g => !string.IsNullOrWhiteSpace(g.Source)).Select(g => g.Source!.Trim()).ToList();
            cells.Add(new LedgerCellShare(i + 1, "source", row.ModelSource + (row.AcceptedSources.Count == 0 ? " (judged by the teacher)" : ""),
                row.AcceptedSources.Count == 0 ? 0 : sources.Count(row.AcceptsSource), sources.Count,
                row.AcceptedSources.Count == 0 ? [] : Top(sources.Where(s => !row.AcceptsSource(s)).Select(Scoring.Normalize))));
            var named = given.Where(g => g.Named is not null).Select(g => g.Named!.Value).ToList();
            cells.Add(new LedgerCellShare(i + 1, "named", LedgerQuestion.NamedWord(row.Named), named.Count(n => n == row.Named), named.Count,
                Top(named.Where(n => n != row.Named).Select(n => LedgerQuestion.NamedWord(n)))));
            var attributions = given.Where(g => g.Attribution is not null).Select(g => g.Attribution!).ToList();
            cells.Add(new LedgerCellShare(i + 1, "attribution", string.Join(" or ", row.AcceptedAttributions.Count > 0 ? row.AcceptedAttributions : [row.Attribution]),
                attributions.Count(row.AcceptsAttribution), attributions.Count, Top(attributions.Where(a => !row.AcceptsAttribution(a)))));
        }
        return cells;
    }

    private static IReadOnlyList<RubricShare> Rubric(Question q, IReadOnlyList<CountedAttempt> students)
    {
        var rubric = q.GradingRubric;
        if (rubric.Count == 0) return [];
        var chosen = students.Select(s => s.Responses.GetValueOrDefault(q.Id)?.Levels).OfType<IReadOnlyList<int>>().Where(l => l.Count == rubric.Count).ToList();
        return rubric.Select((c, i) => new RubricShare(c.Name,
            c.Levels.Select((level, k) => (level.Label, level.Points, chosen.Count(l => l[i] == k))).ToList(), chosen.Count)).ToList();
    }

    /// <summary>Short answers: the commonest answers as typed (case, spacing and punctuation aside).</summary>
    private static IReadOnlyList<(string, int)> Common(Question q, IReadOnlyList<CountedAttempt> students) =>
        q is ShortAnswerQuestion
            ? Top(students.Select(s => s.Responses.GetValueOrDefault(q.Id)?.Answer.Text).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Scoring.Normalize(t)), 5)
            : [];

    private static IReadOnlyList<(string, int)> Top(IEnumerable<string> values, int take = 3) =>
        values.GroupBy(v => v).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).Take(take).ToList();
}
