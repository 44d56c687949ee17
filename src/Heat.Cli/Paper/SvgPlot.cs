// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;

namespace Heat.Cli.Paper;

/// <summary>A minimal line chart written as SVG (the paper's speedup and runtime figures).</summary>
internal static class SvgPlot
{
    private static readonly string[] Colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"];

    /// <summary>Lines of (x, y) points, x on a log2 axis of rank counts, with an optional ideal line y = x.</summary>
    public static string Lines(string title, string yLabel, IReadOnlyList<(string Name, (double X, double Y)[] Points)> series, bool ideal)
    {
        const double W = 520, H = 360, L = 60, R = 140, T = 40, B = 50;
        var xs = series.SelectMany(s => s.Points.Select(p => p.X)).Distinct().Order().ToArray();
        double yMax = Math.Max(ideal ? xs.Max() : 0, series.SelectMany(s => s.Points.Select(p => p.Y)).DefaultIfEmpty(1).Max()) * 1.1;
        double xMin = Math.Log2(xs.Min()), xMax = Math.Max(xMin + 1, Math.Log2(xs.Max()));
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        double Px(double x) => L + (Math.Log2(x) - xMin) / (xMax - xMin) * (W - L - R);
        double Py(double y) => H - B - y / yMax * (H - T - B);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{W / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{L}\" y1=\"{H - B}\" x2=\"{W - R}\" y2=\"{H - B}\" stroke=\"black\"/><line x1=\"{L}\" y1=\"{T}\" x2=\"{L}\" y2=\"{H - B}\" stroke=\"black\"/>\n");
        foreach (var x in xs)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Px(x))}\" y=\"{H - B + 18}\" text-anchor=\"middle\">{F(x)}</text>\n");
        for (int i = 0; i <= 4; i++)
        {
            double y = yMax * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{L - 6}\" y=\"{F(Py(y) + 4)}\" text-anchor=\"end\">{F(y)}</text><line x1=\"{L}\" y1=\"{F(Py(y))}\" x2=\"{W - R}\" y2=\"{F(Py(y))}\" stroke=\"#ddd\"/>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(L + W - R) / 2}\" y=\"{H - 12}\" text-anchor=\"middle\">ranks</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16,{H / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>\n");
        if (ideal)
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#999\" stroke-dasharray=\"4 3\" points=\"{string.Join(" ", xs.Select(x => $"{F(Px(x))},{F(Py(x))}"))}\"/>\n");
        for (int s = 0; s < series.Count; s++)
        {
            var color = Colors[s % Colors.Length];
            var pts = series[s].Points.OrderBy(p => p.X).ToArray();
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(" ", pts.Select(p => $"{F(Px(p.X))},{F(Py(p.Y))}"))}\"/>\n");
            foreach (var p in pts) svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(Px(p.X))}\" cy=\"{F(Py(p.Y))}\" r=\"3\" fill=\"{color}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{W - R + 10}\" y=\"{T + 16 * s + 10}\" fill=\"{color}\">{Escape(series[s].Name)}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
