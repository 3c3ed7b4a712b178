using System.Globalization;

namespace Aderencia.Bench;

internal static class Args
{
    /// <summary>Every <c>--rows N</c> given, or the defaults when none is.</summary>
    public static int[] Rows(string[] args, int[] defaults)
    {
        var rows = new List<int>();
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i] != "--rows") throw new ArgumentException($"unknown option '{args[i]}'; use --rows N");
            if (i + 1 >= args.Length || !int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0)
                throw new ArgumentException("--rows needs a positive whole number");
            rows.Add(n);
        }
        return rows.Count > 0 ? rows.ToArray() : defaults;
    }
}
