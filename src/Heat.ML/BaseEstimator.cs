// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Reflection;

namespace Heat;

/// <summary>
/// HeAT's <c>ht.BaseEstimator</c> (scikit-learn's): the parameters of an estimator by name
/// (<see cref="get_params"/>, <see cref="set_params"/>) and a fitted estimator in an HDF5 file (<see cref="save"/>,
/// <see cref="load(string)"/>), all found by reflection once for every estimator.
/// </summary>
/// <remarks>
/// The parameters are those of the estimator's public constructor with the most parameters that takes no arrays; each
/// is read from the public property of its name (or a private field <c>_name</c>). Learned attributes are the public
/// properties ending in <c>_</c>. In the file (readable by h5py): the type as the root attribute
/// <c>heat.estimator</c>, every parameter that is not null as a root attribute of its name, every scalar learned
/// attribute likewise, every array learned attribute (and private array field) as a dataset of its name (its split in
/// the attribute <c>&lt;name&gt;.split</c>, its dtype in <c>&lt;name&gt;.dtype</c>), and the list of datasets in
/// <c>heat.datasets</c>.
/// </remarks>
public abstract class BaseEstimator
{
    private const string TypeKey = "heat.estimator", DatasetsKey = "heat.datasets";

    /// <summary>The constructor parameters and their current values, by name.</summary>
    /// <param name="deep">Accepted for scikit-learn's signature; estimators here hold no sub-estimators.</param>
    public IReadOnlyDictionary<string, object?> get_params(bool deep = true)
    {
        var values = new Dictionary<string, object?>();
        foreach (var p in Constructor(GetType()).GetParameters()) values[p.Name!] = Read(this, p.Name!);
        return values;
    }

    /// <summary>
    /// Sets parameters by name, validated as by the constructor, and returns this estimator, unfitted: learned
    /// attributes are cleared (scikit-learn keeps stale ones).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown name, a value of the wrong type, or one the constructor
    /// rejects.</exception>
    public BaseEstimator set_params(params (string name, object? value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var merged = new Dictionary<string, object?>(get_params());
        foreach (var (name, value) in parameters)
        {
            if (!merged.ContainsKey(name))
                throw new ArgumentException($"{GetType().Name} has no parameter '{name}'; valid parameters: "
                    + $"{string.Join(", ", merged.Keys)}.", nameof(parameters));
            merged[name] = value;
        }
        var fresh = Create(GetType(), merged);
        for (var type = GetType(); type is not null && type != typeof(object); type = type.BaseType)
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic
                         | BindingFlags.DeclaredOnly))
                field.SetValue(this, field.GetValue(fresh));
        return this;
    }

    /// <summary>Saves the estimator (parameters and, when fitted, the learned attributes) to the HDF5 file
    /// <paramref name="path"/>, replacing it.</summary>
    /// <remarks>Collective, as <see cref="ht.save_hdf5"/>.</remarks>
    public void save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var attributes = new Dictionary<string, object> { [TypeKey] = GetType().FullName! };
        foreach (var (name, value) in get_params())
            if (Stored(value) is { } stored) attributes[name] = stored;
        var datasets = new List<string>();
        foreach (var member in State(GetType()))
        {
            var value = member.Get(this);
            if (value is DNDarray array)
            {
                ht.save_hdf5(array, path, member.Name, mode: datasets.Count == 0 ? "w" : "a");
                datasets.Add(member.Name);
                if (array.split is int split) attributes[member.Name + ".split"] = (long)split;
                attributes[member.Name + ".dtype"] = array.dtype.Name;
            }
            else if (Stored(value) is { } stored) attributes[member.Name] = stored;
        }
        attributes[DatasetsKey] = string.Join(",", datasets);
        Hdf5Attributes.Write(path, attributes, create: datasets.Count == 0);
    }

    /// <summary>The estimator saved in <paramref name="path"/> by <see cref="save"/>, of its saved type.</summary>
    /// <exception cref="InvalidDataException">The file holds no estimator.</exception>
    public static BaseEstimator load(string path)
    {
        var attributes = Hdf5Attributes.Read(path);
        if (!attributes.TryGetValue(TypeKey, out var name) || name is not string typeName
            || typeof(BaseEstimator).Assembly.GetType(typeName) is not { } type
            || !type.IsSubclassOf(typeof(BaseEstimator)))
            throw new InvalidDataException($"'{path}' holds no estimator saved by BaseEstimator.save (no valid "
                + $"'{TypeKey}' attribute).");
        var parameters = Constructor(type).GetParameters()
            .ToDictionary(p => p.Name!, p => attributes.TryGetValue(p.Name!, out var v) ? v : null);
        var estimator = Create(type, parameters);
        var datasets = attributes.TryGetValue(DatasetsKey, out var list) && list is string names
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
        foreach (var member in State(type))
        {
            if (datasets.Contains(member.Name))
                member.Set(estimator, ht.load_hdf5(path, member.Name,
                    dtype: attributes.TryGetValue(member.Name + ".dtype", out var d) ? DType.Parse((string)d)
                        : null,
                    split: attributes.TryGetValue(member.Name + ".split", out var s) ? (int)(long)s : null));
            else if (member.Type != typeof(DNDarray) && attributes.TryGetValue(member.Name, out var stored))
                member.Set(estimator, Convert(stored, member.Type, member.Name)!);
        }
        return estimator;
    }

    /// <summary><see cref="load(string)"/>, typed.</summary>
    /// <exception cref="InvalidDataException">The file holds no <typeparamref name="TEstimator"/>.</exception>
    public static TEstimator load<TEstimator>(string path) where TEstimator : BaseEstimator =>
        load(path) as TEstimator ?? throw new InvalidDataException($"'{path}' holds no {typeof(TEstimator).Name}.");

    private sealed record Member(string Name, Type Type, Func<object, object?> Get, Action<object, object> Set);

    // What a fitted estimator holds beyond its parameters: the learned attributes (public properties ending in '_')
    // and private array fields (training data, host copies).
    private static IEnumerable<Member> State(Type type)
    {
        foreach (var p in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            if (p.Name.EndsWith('_') && p.GetIndexParameters().Length == 0)
                yield return new Member(p.Name, p.PropertyType, p.GetValue, (o, v) => SetProperty(o, p, v));
        for (var t = type; t is not null && t != typeof(BaseEstimator); t = t.BaseType)
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (!f.Name.StartsWith('<') && f.FieldType is var ft
                    && (ft == typeof(DNDarray) || ft == typeof(double[]) || ft == typeof(long[])))
                    yield return new Member(f.Name, ft, f.GetValue, f.SetValue);
    }

    private static ConstructorInfo Constructor(Type type) =>
        type.GetConstructors().Where(c => c.GetParameters().All(p => p.ParameterType != typeof(DNDarray)))
            .OrderByDescending(c => c.GetParameters().Length).First();

    private static object? Read(object estimator, string name)
    {
        var type = estimator.GetType();
        if (type.GetProperty(name, BindingFlags.Instance | BindingFlags.Public) is { } property)
            return property.GetValue(estimator);
        for (var t = type; t is not null; t = t.BaseType)
            if (t.GetField("_" + name, BindingFlags.Instance | BindingFlags.NonPublic) is { } field)
                return field.GetValue(estimator);
        throw new InvalidOperationException($"{type.Name} keeps its parameter '{name}' in no property or field.");
    }

    private static BaseEstimator Create(Type type, IReadOnlyDictionary<string, object?> values)
    {
        var constructor = Constructor(type);
        var arguments = constructor.GetParameters().Select(p =>
            values.TryGetValue(p.Name!, out var v) && v is not null ? Convert(v, p.ParameterType, p.Name!)
            : v is null && values.ContainsKey(p.Name!) && (Nullable.GetUnderlyingType(p.ParameterType) is not null
                || !p.ParameterType.IsValueType) ? null
            : p.HasDefaultValue ? p.DefaultValue : null).ToArray();
        try { return (BaseEstimator)constructor.Invoke(arguments); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    // A value as stored in an attribute: strings, numbers (bools as 0/1), tuples of numbers as double[].
    private static object? Stored(object? value) => value switch
    {
        null or DNDarray => null,
        string or bool or int or long or double or float or double[] or long[] => value,
        System.Runtime.CompilerServices.ITuple t => Enumerable.Range(0, t.Length)
            .Select(i => System.Convert.ToDouble(t[i], CultureInfo.InvariantCulture)).ToArray(),
        _ => value.ToString(),
    };

    private static object? Convert(object value, Type target, string name = "value")
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type.IsInstanceOfType(value)) return value;
        try
        {
            if (value is double[] pair && type.IsGenericType && type.FullName!.StartsWith("System.ValueTuple`2",
                    StringComparison.Ordinal))
            {
                var args = type.GetGenericArguments();
                return Activator.CreateInstance(type,
                    System.Convert.ChangeType(pair[0], args[0], CultureInfo.InvariantCulture),
                    System.Convert.ChangeType(pair[1], args[1], CultureInfo.InvariantCulture));
            }
            if (type == typeof(bool) && value is long flag) return flag != 0;
            return System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new ArgumentException($"parameter '{name}' must be a {type.Name}, got {value} "
                + $"({value.GetType().Name}).", name, e);
        }
    }

    private static void SetProperty(object estimator, PropertyInfo property, object value)
    {
        if (property.GetSetMethod(nonPublic: true) is { } setter) { setter.Invoke(estimator, [value]); return; }
        for (var t = estimator.GetType(); t is not null; t = t.BaseType)
            if (t.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic) is
                { } field)
            {
                field.SetValue(estimator, value);
                return;
            }
    }
}
