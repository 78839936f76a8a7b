using System.Text;

namespace Kunskapsbank.Stress.Reporting;

/// <summary>A plain-text table with a title, aligned columns and right-aligned numbers.</summary>
public sealed class TextTable(string title, params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];

    /// <summary>Adds a row (missing cells are blank).</summary>
    public TextTable Row(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    /// <summary>Adds a line printed under the table (details that would break the columns).</summary>
    public TextTable Note(string note)
    {
        _notes.Add(note);
        return this;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in _rows)
        {
            for (var i = 0; i < Math.Min(row.Length, widths.Length); i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        text.Append("== ").Append(title).Append(" ==\n");
        AppendRow(text, headers, widths);
        text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in _rows)
        {
            AppendRow(text, row, widths);
        }

        foreach (var note in _notes)
        {
            text.Append("  ").Append(note).Append('\n');
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : string.Empty;
            var numeric = cell.Length > 0 && (char.IsDigit(cell[0]) || cell[0] == '-') && double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _);
            text.Append(numeric ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            if (i < widths.Length - 1)
            {
                text.Append("  ");
            }
        }

        text.Append('\n');
    }

    private static string Format(object? cell) => cell switch
    {
        null => "–",
        double d => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };
}
