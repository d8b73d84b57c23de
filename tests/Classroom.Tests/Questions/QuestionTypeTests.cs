using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Questions;

/// <summary>A question type is one folder plus its views; these tests fail when a type is half added.</summary>
public class QuestionTypeTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    public static TheoryData<string, string> KindsAndViews()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in QuestionKinds.All)
        foreach (var view in QuestionKind.Views)
            data.Add(kind.Slug, view);
        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndViews))]
    public void Every_question_type_has_each_of_its_views(string slug, string view)
    {
        var kind = QuestionKinds.Find(slug)!;
        var engine = factory.Services.GetRequiredService<IRazorViewEngine>();
        var found = engine.GetView(executingFilePath: null, viewPath: kind.ViewPath(view), isMainPage: false);
        Assert.True(found.Success, $"{kind.ClrType.Name} has no {view}: add Content/Questions/{kind.Folder}/{view}.cshtml");
    }

    [Fact]
    public void Every_concrete_question_type_is_registered_and_stored_under_its_own_name()
    {
        var concrete = typeof(Question).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Question)) && !t.IsAbstract).ToHashSet();
        var stored = typeof(Question).GetCustomAttributes<JsonDerivedTypeAttribute>().ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);
        Assert.Equal(concrete.OrderBy(t => t.Name), QuestionKinds.All.Select(k => k.ClrType).OrderBy(t => t.Name));
        foreach (var kind in QuestionKinds.All)
            Assert.Equal(kind.Slug, stored[kind.ClrType]);
    }

    [Fact]
    public void An_unregistered_question_type_fails_loudly()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new UnregisteredQuestion().Kind);
        Assert.Contains("not registered", e.Message);
    }

    [Fact]
    public void Every_quiz_in_the_course_survives_a_trip_through_stored_json()
    {
        var catalog = factory.Services.GetRequiredService<CourseCatalog>();
        foreach (var quiz in catalog.Quizzes)
        {
            var json = JsonSerializer.Serialize(quiz, QuizJson.Options);
            var back = JsonSerializer.Deserialize<QuizDefinition>(json, QuizJson.Options)!;
            Assert.Equal(quiz.Questions.Select(q => q.GetType()), back.Questions.Select(q => q.GetType()));
            Assert.Equal(json, JsonSerializer.Serialize(back, QuizJson.Options));
            Assert.StartsWith("{\"type\":", JsonSerializer.Serialize(back.Questions[0], QuizJson.Options));
        }
    }

    private sealed record UnregisteredQuestion : Question
    {
        public override AutoScore Score(Answer answer) => new(0, false, [], []);
        public override Answer ReadForm(FormFields form) => Answer.Empty;
        public override string AnswerText(Answer answer) => "";
        public override string KeyText() => "";
        public override void PrintAnswerSpace(IPaper paper) { }
        public override void PrintKey(IPaper paper) { }
    }
}
