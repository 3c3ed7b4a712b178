namespace Aderencia.Tests.Browser;

/// <summary>A fact that needs chromium: skipped (saying why) when there is none, unless CI=true, where it runs and fails.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Find() is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Skip = "no chromium on PATH (apt-get install chromium, or set CHROMIUM=/path); browser test skipped";
    }
}
