namespace Aderencia.Tests.Server;

/// <summary>Every test class that needs the served sample model shares one <see cref="ServedSample"/>, so it trains once.</summary>
[CollectionDefinition(Name)]
public sealed class ServedSampleCollection : ICollectionFixture<ServedSample>
{
    public const string Name = "served sample";
}
