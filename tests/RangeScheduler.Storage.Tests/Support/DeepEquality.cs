using System.Collections;
using System.Reflection;

namespace RangeScheduler.Storage.Tests.Support;

/// <summary>
/// Asserts that two object graphs hold the same values: objects property by property,
/// sequences element by element whatever their collection type (the domain's records hold
/// lists, whose record equality is by reference, and the store reads back other list types
/// than a test builds), and values with their own equality (numbers, strings, times,
/// record structs) by it. The path of the first difference is in the message.
/// </summary>
internal static class DeepEquality
{
    public static void ShouldMatch<T>(this T actual, T expected) => Compare(actual, expected, typeof(T).Name);

    private static void Compare(object? actual, object? expected, string path)
    {
        if (actual is null || expected is null)
        {
            Require(actual is null && expected is null, path, actual, expected);
            return;
        }
        var type = expected.GetType();
        if (type.IsValueType || expected is string)
        {
            Require(expected.Equals(actual), path, actual, expected);
            return;
        }
        if (expected is IEnumerable expectedItems)
        {
            Require(actual is IEnumerable, path, actual, expected);
            var expectedList = expectedItems.Cast<object?>().ToList();
            var actualList = ((IEnumerable)actual).Cast<object?>().ToList();
            Require(actualList.Count == expectedList.Count, path + ".Count", actualList.Count, expectedList.Count);
            for (var i = 0; i < expectedList.Count; i++)
            {
                Compare(actualList[i], expectedList[i], $"{path}[{i}]");
            }
            return;
        }
        Require(actual.GetType() == type, path + ".GetType()", actual.GetType(), type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                Compare(property.GetValue(actual), property.GetValue(expected), $"{path}.{property.Name}");
            }
        }
    }

    private static void Require(bool condition, string path, object? actual, object? expected)
    {
        if (!condition)
        {
            throw new ShouldAssertException($"{path}: expected {expected ?? "null"} but was {actual ?? "null"}");
        }
    }
}
