using System.Globalization;
using CsvHelper;

namespace Classroom.Web.Features.Shared;

/// <summary>CSV a spreadsheet opens as it is: UTF-8 with a byte-order mark, invariant numbers, and any cell that starts like a formula (=, +, -, @) escaped so it stays text.</summary>
public static class CsvFiles
{
    public static byte[] Write(Action<CsvWriter> write)
    {
        var options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture };
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true)) write(csv);
        return stream.ToArray();
    }
}
