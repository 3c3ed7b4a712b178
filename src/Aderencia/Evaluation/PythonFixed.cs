using System.Globalization;

namespace Aderencia.Evaluation;

/// <summary>
/// Fixed-point text the way Python's "{:.Nf}" writes it: correctly rounded, exact halves to even
/// (0.125 → "0.12"), where .NET's "F" format rounds exact halves away from zero.
/// </summary>
internal static class PythonFixed
{
    public static string Format(double value, int digits)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
        // .NET prints the exact binary value, so a half is a '5' followed only by zeros.
        string wide = value.ToString("F" + (digits + 30), CultureInfo.InvariantCulture);
        int point = wide.IndexOf('.');
        var tail = wide.AsSpan(point + 1 + digits);
        bool exactHalf = tail[0] == '5' && !tail[1..].ContainsAnyExcept('0');
        if (exactHalf && Math.Abs(value) < 1e15)
        {
            // Such a value has at most digits + 1 decimals, so the decimal conversion is exact.
            decimal rounded = decimal.Round((decimal)value, digits, MidpointRounding.ToEven);
            return rounded.ToString("F" + digits, CultureInfo.InvariantCulture);
        }
        return value.ToString("F" + digits, CultureInfo.InvariantCulture);
    }
}
