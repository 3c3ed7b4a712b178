namespace Aderencia.Text;

/// <summary>Receives the 32-bit feature hashes of a text; map them with <see cref="FeatureHasher.Bucket"/>/<see cref="FeatureHasher.Sign"/>.</summary>
public interface IFeatureSink
{
    void Add(uint hash);
}
