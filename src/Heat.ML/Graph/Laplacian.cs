// SPDX-License-Identifier: MIT
namespace Heat.Graph;

/// <summary>
/// The graph Laplacian of a similarity graph over the samples, as HeAT's <c>heat.graph.Laplacian</c>: the similarity
/// matrix S (diagonal zeroed), fully connected or thresholded into an ε-neighbourhood graph, gives
/// <c>L = I − D^-1/2 S D^-1/2</c> (<c>"norm_sym"</c>) or <c>L = D − S</c> (<c>"simple"</c>), D the degrees.
/// </summary>
/// <remarks>Everything is element-wise on S (split along the samples like the similarity's result) plus one row
/// sum; the degree vector (n values) is replicated.</remarks>
public sealed class Laplacian
{
    private readonly Func<DNDarray, DNDarray> _similarity;

    /// <summary>Creates the Laplacian builder.</summary>
    /// <param name="similarity">The similarity of the samples (n × n) from the samples, e.g.
    /// <c>x =&gt; ht.spatial.rbf(x)</c>.</param>
    /// <param name="weighted">ε-neighbourhood edges keep their similarity (else weight 1).</param>
    /// <param name="definition"><c>"norm_sym"</c> or <c>"simple"</c>.</param>
    /// <param name="mode"><c>"fully_connected"</c> or <c>"eNeighbour"</c>.</param>
    /// <param name="threshold_key"><c>"upper"</c>: ε-edges where S &lt; threshold_value; <c>"lower"</c>: S &gt;
    /// threshold_value.</param>
    /// <param name="threshold_value">ε.</param>
    /// <param name="neighbours">HeAT's k of a k-nearest-neighbour graph (not used: HeAT has no such mode either).
    /// </param>
    /// <exception cref="ArgumentException">definition, mode or threshold_key is another string.</exception>
    public Laplacian(Func<DNDarray, DNDarray> similarity, bool weighted = true, string definition = "norm_sym",
        string mode = "fully_connected", string threshold_key = "upper", double threshold_value = 1.0,
        int neighbours = 10)
    {
        ArgumentNullException.ThrowIfNull(similarity);
        if (definition is not ("norm_sym" or "simple"))
            throw new ArgumentException($"definition must be 'norm_sym' or 'simple', got '{definition}'.",
                nameof(definition));
        if (mode is not ("fully_connected" or "eNeighbour"))
            throw new ArgumentException($"mode must be 'fully_connected' or 'eNeighbour', got '{mode}'.", nameof(mode));
        if (threshold_key is not ("upper" or "lower"))
            throw new ArgumentException($"threshold_key must be 'upper' or 'lower', got '{threshold_key}'.",
                nameof(threshold_key));
        _similarity = similarity; this.weighted = weighted; this.definition = definition; this.mode = mode;
        this.threshold_key = threshold_key; this.threshold_value = threshold_value; this.neighbours = neighbours;
    }

    /// <summary>Whether ε-neighbourhood edges keep their similarity.</summary>
    public bool weighted { get; }
    /// <summary>The Laplacian's definition.</summary>
    public string definition { get; }
    /// <summary>The graph's construction.</summary>
    public string mode { get; }
    /// <summary>Which side of the threshold makes an edge.</summary>
    public string threshold_key { get; }
    /// <summary>ε.</summary>
    public double threshold_value { get; }
    /// <summary>HeAT's neighbour count (unused).</summary>
    public int neighbours { get; }

    /// <summary>The Laplacian (n × n, split like the similarity matrix) of the samples <paramref name="X"/>.</summary>
    /// <exception cref="ArgumentException">X is not 2-d real.</exception>
    public DNDarray construct(DNDarray X)
    {
        Samples.CheckMatrix(X, nameof(X));
        using var scope = DisposeScope.Begin();
        long n = X.shape[0];
        var s = _similarity(X);
        if (s.dtype != ht.float32 && s.dtype != ht.float64) s = s.astype(ht.float64);
        var identity = ht.eye([n, n], dtype: s.dtype, split: s.split);
        s = s * (1.0 - identity);
        if (mode == "eNeighbour")
        {
            var edge = threshold_key == "upper" ? s < threshold_value : s > threshold_value;
            s = weighted ? ht.where(edge, s, 0.0) : edge.astype(s.dtype);
            s = s * (1.0 - identity);
        }
        var degree = ht.resplit(ht.sum(s, axis: 1), null);
        DNDarray laplacian;
        if (definition == "simple") laplacian = identity * degree.reshape(n, 1) - s;
        else
        {
            var scale = 1.0 / ht.sqrt(degree);
            laplacian = identity - scale.reshape(n, 1) * s * scale.reshape(1, n);
        }
        return scope.MoveToOuter(laplacian);
    }
}
