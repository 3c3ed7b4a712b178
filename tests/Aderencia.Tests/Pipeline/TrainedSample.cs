using Aderencia.Data;
using Aderencia.Pipeline;
using Aderencia.Splits;

namespace Aderencia.Tests.Pipeline;

/// <summary>One model trained on the grouped split of the embedded sample, shared by the pipeline tests.</summary>
public sealed class TrainedSample
{
    public TrainedSample()
    {
        Data = ChallengeDataset.Load(TestPaths.Sample(SampleData.PairsFile));
        Parts = DataParts.From(Data, SplitProtocol.Grouped, SplitProtocols.DefaultSeed);
        Model = AdherenceModel.Train(Parts.Train, Parts.Eval, new TrainOptions());
    }

    public ChallengeDataset Data { get; }
    public DataParts Parts { get; }
    public AdherenceModel Model { get; }
}
