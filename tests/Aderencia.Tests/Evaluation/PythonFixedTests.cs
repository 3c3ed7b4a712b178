using Aderencia.Evaluation;

namespace Aderencia.Tests.Evaluation;

public class PythonFixedTests
{
    [Theory]
    [InlineData(0.125, 2, "0.12")]   // exact half: to even
    [InlineData(0.375, 2, "0.38")]
    [InlineData(2.5, 0, "2")]
    [InlineData(0.135, 2, "0.14")]   // 0.135 is stored slightly above the half
    [InlineData(0.145, 2, "0.14")]   // and 0.145 slightly below
    [InlineData(2.0 / 3.0, 4, "0.6667")]
    [InlineData(1.0, 4, "1.0000")]
    [InlineData(0.0, 2, "0.00")]
    public void Formats_like_python(double value, int digits, string expected) =>
        Assert.Equal(expected, PythonFixed.Format(value, digits));
}
