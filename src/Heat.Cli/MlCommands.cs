// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using Heat.Cluster;
using Heat.Regression;

namespace Heat.Cli;

/// <summary><c>heat kmeans</c>, <c>heat lasso</c>, <c>heat cdist</c>: the paper's workloads on a data file.</summary>
internal static class MlCommands
{
    private static Argument<FileInfo> FileArgument(string description) => new("file") { Description = description };

    private static Option<string?> Out() => new("--out") { Description =
        "Output file (.h5/.hdf5, .nc, .npy or .csv), written by every rank into its own region." };

    private static Option<int> Split() => new("--split") { Description = "Split axis of the loaded data (0 = samples).",
        DefaultValueFactory = _ => 0 };

    /// <summary><c>heat kmeans FILE --dataset D --clusters K</c>.</summary>
    public static Command KMeansCommand()
    {
        var file = FileArgument("Data file (samples x features): .h5/.hdf5, .nc, .csv or .npy.");
        var dataset = new Option<string?>("--dataset") { Description = "HDF5 dataset or netCDF variable." };
        var clusters = new Option<int>("--clusters") { Description = "Number of clusters k.", Required = true };
        var init = new Option<string>("--init") { Description = "random or k-means++.",
            DefaultValueFactory = _ => "k-means++" };
        var maxIter = new Option<int>("--max-iter") { Description = "Most Lloyd iterations.",
            DefaultValueFactory = _ => 300 };
        var seed = new Option<long>("--seed") { Description = "random_state of the initialisation.",
            DefaultValueFactory = _ => 0 };
        var split = Split(); var output = Out(); var ranks = CommonOptions.Ranks(0); var backend =
            CommonOptions.Backend();
        var command = new Command("kmeans", "Cluster the samples of a file with k-means (Lloyd).") { file, dataset,
            clusters, init, maxIter, seed, split, output, ranks, backend };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!Exists(path)) return 2;
            int k = parse.GetValue(clusters);
            if (k < 1) { Console.Error.WriteLine("--clusters must be >= 1."); return 2; }
            var lines = RankRunner.Run(parse.GetValue(ranks), parse.GetValue(backend), () =>
            {
                using var x = ht.load(path.FullName, parse.GetValue(dataset), ht.float64, parse.GetValue(split));
                var model = new KMeans(k, parse.GetValue(init)!, parse.GetValue(maxIter),
                    random_state: parse.GetValue(seed)).fit(x);
                if (parse.GetValue(output) is string o) ht.save(model.labels_!, o, "labels");
                var centers = model.cluster_centers_!.ToArray<double>();
                return x.comm.Rank != 0 ? null : Invariant(
                    $"k-means: {x.shape[0]} samples x {x.shape[1]} features on {x.comm.Size} rank(s), k = {k}: {model.n_iter_} iterations, inertia {model.inertia_:G10}{Environment.NewLine}centroids: {string.Join(" | ", centers.Chunk((int)x.shape[1]).Select(c => string.Join(", ", c.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))))}");
            });
            Print(lines);
            return 0;
        });
        return command;
    }

    /// <summary><c>heat lasso FILE --x X --y Y --lambda L</c>.</summary>
    public static Command LassoCommand()
    {
        var file = FileArgument("HDF5 or netCDF file holding X (samples x features, column 0 all ones) and y.");
        var xName = new Option<string>("--x") { Description = "Dataset of X.", Required = true };
        var yName = new Option<string>("--y") { Description = "Dataset of y.", Required = true };
        var lambda = new Option<double>("--lambda") { Description = "The L1 penalty.", DefaultValueFactory = _ => 0.1 };
        var maxIter = new Option<int>("--max-iter") { Description = "Most sweeps.", DefaultValueFactory = _ => 100 };
        var tol = new Option<double>("--tol") { Description = "Convergence tolerance on the coefficients.",
            DefaultValueFactory = _ => 1e-6 };
        var output = Out(); var ranks = CommonOptions.Ranks(0); var backend = CommonOptions.Backend();
        var command = new Command("lasso", "Fit a LASSO model by coordinate descent.") { file, xName, yName, lambda,
            maxIter, tol, output, ranks, backend };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!Exists(path)) return 2;
            if (parse.GetValue(lambda) < 0) { Console.Error.WriteLine("--lambda must be >= 0."); return 2; }
            var lines = RankRunner.Run(parse.GetValue(ranks), parse.GetValue(backend), () =>
            {
                using var x = ht.load(path.FullName, parse.GetValue(xName), ht.float64, 0);
                using var y = ht.load(path.FullName, parse.GetValue(yName), ht.float64, 0);
                var model = new Lasso(parse.GetValue(lambda), parse.GetValue(maxIter), parse.GetValue(tol)).fit(x, y);
                double objective = model.objective(x, y);
                if (parse.GetValue(output) is string o)
                {
                    ht.save(model.theta!, o, "theta");
                }
                if (x.comm.Rank != 0) return null;
                var coefficients = model.theta!.ToArray<double>().Skip(1)
                    .Select(v => v.ToString("G6", CultureInfo.InvariantCulture));
                return Invariant($"lasso: {x.shape[0]} samples x {x.shape[1]} features on {x.comm.Size} rank(s), ")
                    + Invariant($"lambda {parse.GetValue(lambda)}: {model.n_iter_} sweeps, objective {objective:G10}, ")
                    + Invariant($"intercept {model.intercept_:G8}{Environment.NewLine}")
                    + $"coefficients: {string.Join(", ", coefficients)}";
            });
            Print(lines);
            return 0;
        });
        return command;
    }

    /// <summary><c>heat cdist FILE --dataset D [--quadratic] [--out F]</c>: distances between all samples.</summary>
    public static Command CdistCommand()
    {
        var file = FileArgument("Data file (samples x features).");
        var dataset = new Option<string?>("--dataset") { Description = "HDF5 dataset or netCDF variable." };
        var quadratic = new Option<bool>("--quadratic") { Description =
            "Use |x|² + |y|² − 2 x·y through matmul (faster)." };
        var output = Out(); var ranks = CommonOptions.Ranks(0); var backend = CommonOptions.Backend();
        var command = new Command("cdist", "Pairwise Euclidean distances between the samples of a file.") { file,
            dataset, quadratic, output, ranks, backend };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!Exists(path)) return 2;
            var lines = RankRunner.Run(parse.GetValue(ranks), parse.GetValue(backend), () =>
            {
                using var x = ht.load(path.FullName, parse.GetValue(dataset), ht.float32, 0);
                using var d = ht.spatial.cdist(x, quadratic_expansion: parse.GetValue(quadratic));
                if (parse.GetValue(output) is string o) ht.save(d, o, "distances");
                using var mean = ht.mean(d);
                using var max = ht.max(d);
                return x.comm.Rank != 0 ? null : Invariant(
                    $"cdist: {x.shape[0]} x {x.shape[0]} distances on {x.comm.Size} rank(s): mean {mean.item<double>():G8}, max {max.item<double>():G8}");
            });
            Print(lines);
            return 0;
        });
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static bool Exists(FileInfo path)
    {
        if (path.Exists || Directory.Exists(path.FullName)) return true;
        Console.Error.WriteLine($"{path.FullName}: no such file.");
        return false;
    }

    private static void Print(string?[] lines)
    {
        foreach (var line in lines) if (line is not null) Console.WriteLine(line);
    }
}
