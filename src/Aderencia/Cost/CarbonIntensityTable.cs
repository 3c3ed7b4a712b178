namespace Aderencia.Cost;

/// <summary>A country's grid: ISO 3166 alpha-3 code, English name, kg CO2e per kWh generated.</summary>
public readonly record struct GridIntensity(string Iso3, string Name, double KgPerKwh);

/// <summary>
/// Lifecycle carbon intensity of electricity generation in 2023 (Ember and Energy Institute, via Our World in
/// Data, "carbon-intensity-electricity"; Norway from Ember's 2023 review). Brazil is 0.0983, the value implied by
/// the organizers' codecarbon CSVs (OWID shows it rounded to 98 g). See docs/cost.md.
/// </summary>
public static class CarbonIntensityTable
{
    public static IReadOnlyList<GridIntensity> Entries { get; } =
    [
        new("ARG", "Argentina", 0.354),
        new("AUS", "Australia", 0.549),
        new("AUT", "Austria", 0.111),
        new("BEL", "Belgium", 0.138),
        new("BOL", "Bolivia", 0.532),
        new("BRA", "Brazil", 0.0983),
        new("CAN", "Canada", 0.170),
        new("CHL", "Chile", 0.291),
        new("CHN", "China", 0.582),
        new("COL", "Colombia", 0.260),
        new("CRI", "Costa Rica", 0.053),
        new("CZE", "Czechia", 0.450),
        new("DNK", "Denmark", 0.152),
        new("ECU", "Ecuador", 0.150),
        new("EGY", "Egypt", 0.570),
        new("FIN", "Finland", 0.079),
        new("FRA", "France", 0.056),
        new("DEU", "Germany", 0.381),
        new("GRC", "Greece", 0.337),
        new("HUN", "Hungary", 0.204),
        new("IND", "India", 0.713),
        new("IRN", "Iran", 0.655),
        new("IRL", "Ireland", 0.291),
        new("NOR", "Norway", 0.030),
    ];

    /// <summary>The grid of <paramref name="country"/>, given as ISO3 code or English name (case-insensitive).</summary>
    public static GridIntensity Find(string country)
    {
        var key = country.Trim();
        foreach (var e in Entries)
            if (e.Iso3.Equals(key, StringComparison.OrdinalIgnoreCase) || e.Name.Equals(key, StringComparison.OrdinalIgnoreCase))
                return e;
        throw new ArgumentException(
            $"Unknown country '{country}' for the carbon intensity. Use one of {string.Join(", ", Entries.Select(e => e.Iso3))}, " +
            "or set CostOptions.CarbonIntensity (kg CO2e/kWh) with the grid's value.", nameof(country));
    }
}
