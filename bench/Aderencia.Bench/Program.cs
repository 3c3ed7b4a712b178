using Aderencia.Bench;

try
{
    return args.Length == 0 ? Usage() : args[0] switch
    {
        "read" => ReadBench.Run(Args.Rows(args, [42_046, 500_000])),
        "train" => TrainBench.Run(Args.Rows(args, [3_600, 42_046])),
        "overhead" => OverheadBench.Run(OverheadArgs.Parse(args)),
        "learners" => LearnersBench.Run(LearnersBench.Parse(args).Configs, LearnersBench.Parse(args).Rows),
        "graph" => GraphBench.Run(args[1..]),
        "serve" => ServeBench.Run(args[1..]),
        ReadBench.ChildCommand => ReadBench.Child(args[1..]),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Aderencia.Bench read [--rows N]... | train [--rows N]... | overhead [--seconds 30] [--interval 1] [--rounds 10] | " +
                            "learners [--type T [--param K=V]...]... [--rows N]... | graph [TYPE[:NAME=VALUE,...]]... | serve [--seconds 30] [--connections 16]");
    return 2;
}
