// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using Heat.Classification;
using Heat.Cluster;
using Heat.Decomposition;
using Heat.Preprocessing;

namespace Heat.Cli;

/// <summary>
/// <c>heat cluster</c>, <c>heat pca</c>, <c>heat knn</c>, <c>heat scale</c>: the estimators of Heat.ML on a data file,
/// with the I/O layer, <c>--ranks</c>, <c>--backend</c> and MPI as <c>heat kmeans</c>; <c>--model</c> saves the fitted
/// estimator (<see cref="BaseEstimator.save"/>).
/// </summary>
internal static class EstimatorCommands
{
    private static Argument<FileInfo> FileArgument(string description) => new("file") { Description = description };

    private static Option<string?> Dataset() => new("--dataset") { Description = "HDF5 dataset or netCDF variable." };

    private static Option<string?> Out(string what) => new("--out") { Description =
        $"Output file of the {what} (.h5/.hdf5, .nc, .npy or .csv), written by every rank into its own region." };

    private static Option<string?> Model() => new("--model") { Description =
        "HDF5 file to save the fitted estimator to (BaseEstimator.load reads it back)." };

    private static Option<int> Split() => new("--split") { Description = "Split axis of the loaded data (0 = samples).",
        DefaultValueFactory = _ => 0 };

    /// <summary><c>heat cluster FILE --algorithm A --clusters K</c>.</summary>
    public static Command ClusterCommand()
    {
        var file = FileArgument("Data file (samples x features): .h5/.hdf5, .nc, .csv or .npy.");
        var dataset = Dataset();
        var algorithm = new Option<string>("--algorithm") { Description = "kmeans, kmedians, kmedoids or spectral.",
            DefaultValueFactory = _ => "kmeans" };
        algorithm.AcceptOnlyFromAmong("kmeans", "kmedians", "kmedoids", "spectral");
        var clusters = new Option<int>("--clusters") { Description = "Number of clusters k.", Required = true };
        var init = new Option<string?>("--init") { Description =
            "Initialisation (the estimator's names; default random, for spectral its k-means' k-means++)." };
        var maxIter = new Option<int>("--max-iter") { Description = "Most iterations.",
            DefaultValueFactory = _ => 300 };
        var seed = new Option<long>("--seed") { Description = "random_state of the initialisation.",
            DefaultValueFactory = _ => 0 };
        var gamma = new Option<double>("--gamma") { Description = "Spectral: the RBF kernel's gamma.",
            DefaultValueFactory = _ => 1.0 };
        var split = Split(); var output = Out("labels"); var model = Model();
        var ranks = CommonOptions.Ranks(0); var backend = CommonOptions.Backend();
        var command = new Command("cluster", "Cluster the samples of a file (k-means, k-medians, k-medoids, spectral).")
        {
            file, dataset, algorithm, clusters, init, maxIter, seed, gamma, split, output, model, ranks, backend,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!Exists(path)) return 2;
            int k = parse.GetValue(clusters);
            if (k < 1) { Console.Error.WriteLine("--clusters must be >= 1."); return 2; }
            string name = parse.GetValue(algorithm)!;
            var start = parse.GetValue(init);
            long random = parse.GetValue(seed);
            int iterations = parse.GetValue(maxIter);
            return Run(parse.GetValue(ranks), parse.GetValue(backend), () =>
            {
                using var x = ht.load(path.FullName, parse.GetValue(dataset), ht.float64, parse.GetValue(split));
                (BaseEstimator estimator, DNDarray labels, double inertia, int steps) = name switch
                {
                    "kmeans" => new KMeans(k, start ?? "random", iterations, random_state: random).fit(x) is var m
                        ? ((BaseEstimator)m, m.labels_!, m.inertia_, m.n_iter_) : default,
                    "kmedians" => new KMedians(k, start ?? "random", iterations, random_state: random).fit(x) is var m
                        ? ((BaseEstimator)m, m.labels_!, m.inertia_, m.n_iter_) : default,
                    "kmedoids" => new KMedoids(k, start ?? "random", iterations, random_state: random).fit(x) is var m
                        ? ((BaseEstimator)m, m.labels_!, m.inertia_, m.n_iter_) : default,
                    _ => new Spectral(k, parse.GetValue(gamma), random_state: random).fit(x) is var m
                        ? ((BaseEstimator)m, m.labels_!, double.NaN, 0) : default,
                };
                Save(parse.GetValue(output), labels, "labels", parse.GetValue(model), estimator);
                using var counts = ht.bincount(labels, minlength: k);
                return x.comm.Rank != 0 ? null : Invariant(
                    $"{name}: {x.shape[0]} samples x {x.shape[1]} features on {x.comm.Size} rank(s), k = {k}: ")
                    + (name == "spectral" ? "" : Invariant($"{steps} iterations, inertia {inertia:G10}, "))
                    + $"cluster sizes {string.Join(", ", counts.ToArray<long>())}";
            });
        });
        return command;
    }

    /// <summary><c>heat pca FILE --components N</c>.</summary>
    public static Command PcaCommand()
    {
        var file = FileArgument("Data file (samples x features).");
        var dataset = Dataset();
        var components = new Option<double?>("--components") { Description =
            "Number of components (an integer) or the fraction of variance to keep (0 < v < 1); all by default." };
        var split = Split(); var output = Out("transformed samples"); var model = Model();
        var ranks = CommonOptions.Ranks(0); var backend = CommonOptions.Backend();
        var command = new Command("pca", "Principal component analysis of the samples of a file.")
        {
            file, dataset, components, split, output, model, ranks, backend,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!Exists(path)) return 2;
            if (parse.GetValue(components) is <= 0)
            {
                Console.Error.WriteLine("--components must be positive.");
                return 2;
            }
            return Run(parse.GetValue(ranks), parse.GetValue(backend), () =>
            {
                using var x = ht.load(path.FullName, parse.GetValue(dataset), ht.float64, parse.GetValue(split));
                var pca = new PCA(n_components: parse.GetValue(components));
                using var transformed = pca.fit_transform(x);
                if (parse.GetValue(output) is string o) ht.save(transformed, o, "transformed");
                var ratios = pca.explained_variance_ratio_!.ToArray<double>();
                return x.comm.Rank != 0 ? null : Invariant(
                    $"pca: {x.shape[0]} samples x {x.shape[1]} features on {x.comm.Size} rank(s): {pca.n_components_} ")
                    + $"components, explained variance ratio {Numbers(ratios)}";
            });
        });
        return command;
    }

    /// <summary><c>heat knn FILE --x X --y Y [--test FILE --test-x X --test-y Y]</c>.</summary>
    public static Command KnnCommand()
    {
        var file = FileArgument("HDF5 or netCDF file holding the training samples and labels.");
        var xName = new Option<string>("--x") { Description = "Dataset of the training samples.", Required = true };
        var yName = new Option<string>("--y") { Description = "Dataset of the training labels.", Required = true };
        var test = new Option<FileInfo?>("--test") { Description = "File of the samples to classify (default: FILE)." };
        var testX = new Option<string?>("--test-x") { Description = "Dataset of the samples to classify (default: "
            + "the training samples)." };
        var testY = new Option<string?>("--test-y") { Description = "Dataset of their labels, for the accuracy." };
        var neighbors = new Option<int>("--neighbors") { Description = "n_neighbors.", DefaultValueFactory = _ => 5 };
        var weights = new Option<string>("--weights") { Description = "uniform or distance.",
            DefaultValueFactory = _ => "uniform" };
        weights.AcceptOnlyFromAmong("uniform", "distance");
        var output = Out("predicted labels"); var model = Model();
        var ranks = CommonOptions.Ranks(0); var backend = CommonOptions.Backend();
        var command = new Command("knn", "Classify samples by their k nearest training samples.")
        {
            file, xName, yName, test, testX, testY, neighbors, weights, output, model, ranks, backend,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!Exists(path)) return 2;
            var testPath = parse.GetValue(test) ?? path;
            if (!Exists(testPath)) return 2;
            if (parse.GetValue(neighbors) < 1) { Console.Error.WriteLine("--neighbors must be >= 1."); return 2; }
            return Run(parse.GetValue(ranks), parse.GetValue(backend), () =>
            {
                using var scope = DisposeScope.Begin();
                var x = ht.load(path.FullName, parse.GetValue(xName), ht.float64, 0);
                var y = ht.load(path.FullName, parse.GetValue(yName), ht.int64, 0);
                if (y.ndim == 2) y = ht.squeeze(y, 1);
                var knn = new KNeighborsClassifier(parse.GetValue(neighbors), parse.GetValue(weights)!).fit(x, y);
                bool own = parse.GetValue(testX) is null;
                var samples = own ? x : ht.load(testPath.FullName, parse.GetValue(testX), ht.float64, 0);
                var truth = own ? y : parse.GetValue(testY) is string t ? ht.load(testPath.FullName, t, ht.int64, 0)
                    : null;
                if (truth is { ndim: 2 }) truth = ht.squeeze(truth, 1);
                var predicted = knn.predict(samples);
                Save(parse.GetValue(output), predicted, "labels", parse.GetValue(model), knn);
                string accuracy = truth is null ? ""
                    : Invariant($", accuracy {ht.mean((predicted == truth).astype(ht.float64)).item<double>():G6}");
                return x.comm.Rank != 0 ? null : Invariant(
                    $"knn: {x.shape[0]} training samples x {x.shape[1]} features, {samples.shape[0]} samples on ")
                    + Invariant($"{x.comm.Size} rank(s), k = {knn.n_neighbors}{accuracy}");
            });
        });
        return command;
    }

    /// <summary><c>heat scale FILE --scaler S</c>.</summary>
    public static Command ScaleCommand()
    {
        var file = FileArgument("Data file (samples x features).");
        var dataset = Dataset();
        var scaler = new Option<string>("--scaler") { Description = "standard, minmax, maxabs, robust or normalizer.",
            DefaultValueFactory = _ => "standard" };
        scaler.AcceptOnlyFromAmong("standard", "minmax", "maxabs", "robust", "normalizer");
        var split = Split(); var output = Out("scaled samples"); var model = Model();
        var ranks = CommonOptions.Ranks(0); var backend = CommonOptions.Backend();
        var command = new Command("scale", "Scale the features (or samples, normalizer) of a file.")
        {
            file, dataset, scaler, split, output, model, ranks, backend,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!Exists(path)) return 2;
            string name = parse.GetValue(scaler)!;
            return Run(parse.GetValue(ranks), parse.GetValue(backend), () =>
            {
                using var scope = DisposeScope.Begin();
                var x = ht.load(path.FullName, parse.GetValue(dataset), ht.float64, parse.GetValue(split));
                (BaseEstimator estimator, DNDarray scaled) = name switch
                {
                    "standard" => new StandardScaler() is var s ? ((BaseEstimator)s, s.fit(x).transform(x)) : default,
                    "minmax" => new MinMaxScaler() is var s ? ((BaseEstimator)s, s.fit(x).transform(x)) : default,
                    "maxabs" => new MaxAbsScaler() is var s ? ((BaseEstimator)s, s.fit(x).transform(x)) : default,
                    "robust" => new RobustScaler() is var s ? ((BaseEstimator)s, s.fit(x).transform(x)) : default,
                    _ => new Normalizer() is var s ? ((BaseEstimator)s, s.fit(x).transform(x)) : default,
                };
                Save(parse.GetValue(output), scaled, "scaled", parse.GetValue(model), estimator);
                var low = ht.min(scaled, axis: 0).ToArray<double>();
                var high = ht.max(scaled, axis: 0).ToArray<double>();
                return x.comm.Rank != 0 ? null : Invariant(
                    $"{name}: {x.shape[0]} samples x {x.shape[1]} features on {x.comm.Size} rank(s): per-feature min ")
                    + $"{Numbers(low)}; max {Numbers(high)}";
            });
        });
        return command;
    }

    private static void Save(string? output, DNDarray result, string name, string? model, BaseEstimator estimator)
    {
        if (output is not null) ht.save(result, output, name);
        if (model is not null) estimator.save(model);
    }

    private static int Run(int ranks, string? backend, Func<string?> body)
    {
        foreach (var line in RankRunner.Run(ranks, backend, body)) if (line is not null) Console.WriteLine(line);
        return 0;
    }

    private static string Numbers(IEnumerable<double> values) =>
        string.Join(", ", values.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static bool Exists(FileInfo path)
    {
        if (path.Exists) return true;
        Console.Error.WriteLine($"{path.FullName}: no such file.");
        return false;
    }
}
