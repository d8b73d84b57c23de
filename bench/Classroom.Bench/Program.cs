using System.Diagnostics;
using Classroom.Web.Content;
using Classroom.Web.Features.Pdf;
using Classroom.Web.Content.Questions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

// PDF benchmark: in-process PDFsharp documents against headless Chromium printing the lesson page.
// Run with bench/run.sh (Release). Prints a Markdown table; nothing here is part of the tests.

var iterations = args.Length > 0 ? int.Parse(args[0]) : 300;
var root = FindRoot();
PdfSetup.EnsureReady();
var catalog = ContentLoader.Load(Path.Combine(root, "content"));
var lesson = catalog.FindLesson("tal-afar-offensive")!;
var quiz = catalog.QuizForLesson("tal-afar-offensive")!;
var now = DateTime.UtcNow;

byte[] Worksheet() => new WorksheetDocument(new WorksheetModel(lesson, lesson.Article, quiz, "Period 1", now, Paper.A4)).Render();
GradedReportModel Report(int n) => new($"Student {n:00}", quiz.Title, "Period 1", "Tue 1 Dec 2026, 14:05 (Europe/London)", n % 5 == 0, 21.5m, quiz.MaxPoints,
    quiz.Questions.Select((q, i) => new ReportItem(i + 1, q, SampleAnswer(q), q.Points / 2, false,
        "Good use of the text; quote the exact words next time and name each step in the chain.", q.GradingRubric.Count > 0 ? [0, 1, 2] : null)).ToList());
byte[] GradedReport() => new GradedReportDocument(Report(1), Paper.A4, now).Render();
byte[] ClassSet() => new ClassSetDocument(new ClassSetModel(quiz.Title, "Period 1", now, Paper.A4, Enumerable.Range(1, 30).Select(Report).ToList())).Render();

var rows = new List<(string Name, Stats Stats)>
{
    ("Worksheet (Tal Afar, A4), rendered", Measure(Worksheet, iterations, warmup: 300)),
    ("Graded report (one student)", Measure(GradedReport, iterations, warmup: 300)),
    ("Class set of 30 reports", Measure(ClassSet, Math.Max(30, iterations / 5), warmup: 60)),
};

var chromium = await MeasureChromiumAsync(Math.Max(10, iterations / 15));
rows.Insert(1, ("Worksheet as served: GET over HTTP, cached for the day", chromium.Served));
Console.WriteLine($"PDF benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release");
Console.WriteLine();
Console.WriteLine("| document | median ms | p99 ms | runs |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
foreach (var (name, s) in rows) Console.WriteLine($"| {name} | {s.Median:0.00} | {s.P99:0.00} | {s.Runs} |");
Console.WriteLine($"| Chromium: print the lesson page to PDF (page already loaded) | {chromium.Print.Median:0.00} | {chromium.Print.P99:0.00} | {chromium.Print.Runs} |");
Console.WriteLine($"| Chromium: load the lesson page and print it | {chromium.LoadAndPrint.Median:0.00} | {chromium.LoadAndPrint.P99:0.00} | {chromium.LoadAndPrint.Runs} |");
Console.WriteLine();
Console.WriteLine($"Worksheet rendered vs Chromium printing the loaded page: {chromium.Print.Median / rows[0].Stats.Median:0.0}x faster (median).");
Console.WriteLine($"Worksheet as served (cached) vs Chromium printing the loaded page: {chromium.Print.Median / chromium.Served.Median:0.0}x faster (median).");
Console.WriteLine($"Worksheet rendered vs Chromium loading and printing: {chromium.LoadAndPrint.Median / rows[0].Stats.Median:0.0}x faster (median).");

static Answer SampleAnswer(Question q) => q switch
{
    ChoiceQuestion c => new Answer { Choices = [c.Options[0].Id] },
    TrueFalseQuestion => new Answer { TrueFalse = true },
    HighlightQuestion h => new Answer { Sentences = h.KeySentences.Take(2).ToList() },
    LedgerQuestion l => new Answer { Rows = l.Rows.Select(r => new LedgerAnswerRow("military sources", false, "according to")).ToList() },
    _ => new Answer { Text = string.Join(" ", Enumerable.Repeat("The claim passes from unnamed military sources to a correspondent in Erbil and on to Al-Jazeera.", q is EssayQuestion ? 8 : 1)) },
};

static Stats Measure(Func<byte[]> render, int runs, int warmup)
{
    // Enough warm-up for the JIT's second tier and the font caches: 20 renders left it still settling.
    for (int i = 0; i < warmup; i++) render();
    var times = new List<double>(runs);
    for (int i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        var bytes = render();
        sw.Stop();
        if (bytes.Length < 1000) throw new InvalidOperationException("empty PDF");
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    return Stats.Of(times);
}

async Task<(Stats Print, Stats LoadAndPrint, Stats Served)> MeasureChromiumAsync(int runs)
{
    var db = Path.Combine(Path.GetTempPath(), $"classroom-bench-{Guid.NewGuid():N}.db");
    await using var app = new BenchApp(db, Path.Combine(root, "src", "Classroom.Web"));
    app.UseKestrel(0);
    app.StartServer();
    var baseUrl = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    var page = await browser.NewPageAsync();
    var url = baseUrl + "/lessons/tal-afar-offensive";
    var options = new PagePdfOptions { Format = "A4", PrintBackground = true };
    await page.GotoAsync(url);
    for (int i = 0; i < 5; i++) await page.PdfAsync(options);
    var print = new List<double>();
    var loadAndPrint = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        await page.PdfAsync(options);
        print.Add(sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        await page.GotoAsync(url);
        await page.PdfAsync(options);
        loadAndPrint.Add(sw.Elapsed.TotalMilliseconds);
    }
    // The worksheet as a browser gets it from the same server: the first request makes it, the rest are cached.
    using var http = new HttpClient();
    var sheet = baseUrl + "/lessons/tal-afar-offensive/worksheet.pdf";
    for (int i = 0; i < 200; i++) (await http.GetAsync(sheet)).EnsureSuccessStatusCode();
    var served = new List<double>();
    for (int i = 0; i < Math.Max(200, runs * 10); i++)
    {
        var sw = Stopwatch.StartNew();
        var bytes = await http.GetByteArrayAsync(sheet);
        served.Add(sw.Elapsed.TotalMilliseconds);
        if (bytes.Length < 1000) throw new InvalidOperationException("empty PDF");
    }
    foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
    return (Stats.Of(print), Stats.Of(loadAndPrint), Stats.Of(served));
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Classroom.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
}

sealed record Stats(double Median, double P99, int Runs)
{
    public static Stats Of(List<double> times)
    {
        times.Sort();
        return new Stats(times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)], times.Count);
    }
}

// Any type from the web assembly names its entry point; the bench has a Program class of its own.
sealed class BenchApp(string db, string contentRoot) : WebApplicationFactory<CourseCatalog>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(contentRoot);
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Classroom"] = $"Data Source={db}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        }));
    }
}
