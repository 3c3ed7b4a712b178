using System.Text.Json;
using Aderencia.Models;
using Aderencia.Pipeline;

namespace Aderencia.Tests.Models;

public class LearnerParametersTests
{
    [Fact]
    public void Command_line_items_parse_into_typed_values()
    {
        var p = LearnerParameters.Parse(["dim=32", " lr = 0.5 ", "hogwild=yes", "activation=tanh"]);
        Assert.Equal(32, p.GetInt("dim", 16));
        Assert.Equal(0.5, p.GetDouble("lr", 0.1));
        Assert.True(p.GetBool("hogwild", false));
        Assert.Equal("tanh", p.GetString("activation", "relu"));
        Assert.Equal(7, p.GetInt("epochs", 7));
        Assert.Equal("activation=tanh dim=32 hogwild=yes lr=0.5", p.ToString());
    }

    [Theory]
    [InlineData("dim")]
    [InlineData("=3")]
    public void An_item_without_a_name_and_value_is_refused(string item)
    {
        var e = Assert.Throws<ArgumentException>(() => LearnerParameters.Parse([item]));
        Assert.Contains("NAME=VALUE", e.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_parameter()
    {
        var p = LearnerParameters.Parse(["dim=big"]);
        var e = Assert.Throws<ArgumentException>(() => p.GetInt("dim", 16));
        Assert.Contains("dim=big", e.Message);
    }

    [Fact]
    public void A_learner_refuses_keys_it_does_not_take_and_lists_the_ones_it_does()
    {
        var p = LearnerParameters.Parse(["dimm=32"]);
        var e = Assert.Throws<ArgumentException>(() => p.EnsureOnly("neural", "dim", "epochs"));
        Assert.Contains("dimm", e.Message);
        Assert.Contains("dim, epochs", e.Message);
        var none = Assert.Throws<ArgumentException>(() => p.EnsureOnly("logistic"));
        Assert.Contains("none", none.Message);
    }

    [Fact]
    public void Train_options_with_parameters_round_trip_through_the_model_card_json()
    {
        var options = new TrainOptions { Type = "neural", Parameters = LearnerParameters.Parse(["dim=8", "epochs=3"]) };
        var json = JsonSerializer.Serialize(options);
        Assert.Contains("\"Parameters\":{\"dim\":\"8\",\"epochs\":\"3\"}", json);
        var back = JsonSerializer.Deserialize<TrainOptions>(json)!;
        Assert.Equal(8, back.Parameters.GetInt("dim", 0));
        Assert.Equal(3, back.Parameters.GetInt("epochs", 0));
    }

    [Fact]
    public void Logistic_regression_rejects_a_parameter_it_does_not_take()
    {
        var x = new Aderencia.Features.SparseMatrix([0, 1, 2], [0, 1], [1f, 1f], 2);
        var e = Assert.Throws<ArgumentException>(() => new LogisticRegression().Fit(x,
            [Aderencia.Domain.AdherenceLevel.Baixa, Aderencia.Domain.AdherenceLevel.Alta],
            new FitOptions { Parameters = LearnerParameters.Parse(["dim=8"]) }));
        Assert.Contains("logistic", e.Message);
    }
}
