using System.CommandLine;
using Aderencia.Cli.Commands;

var root = new RootCommand("aderencia — maps theses to their state's strategic research themes (BAIXA / MÉDIA / ALTA), lean and measured.");
root.Subcommands.Add(DemoCommand.Build());
root.Subcommands.Add(DataCommands.Build());
root.Subcommands.Add(TrainCommand.Build());
root.Subcommands.Add(EvaluateCommand.Build());
root.Subcommands.Add(PredictCommand.Build());
root.Subcommands.Add(MapCommand.Build());
root.Subcommands.Add(CompareCommand.Build());
root.Subcommands.Add(RunsCommand.Build());
root.Subcommands.Add(ServeCommand.Build());
return root.Parse(args).Invoke();
