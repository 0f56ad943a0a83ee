namespace RangeScheduler.Domain.Conflicts;

/// <summary>
/// The slots of one grid of <see cref="BookingIndex"/>, in no order, for scanning a grid that
/// holds fewer volumes than a query would visit cells. Removal swaps the last slot into the
/// gap, like <see cref="GridCell"/>.
/// </summary>
internal sealed class SlotList
{
    private int[] _items = new int[4];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Items => _items.AsSpan(0, Count);

    /// <summary>Adds the slot and returns its position.</summary>
    public int Add(int slot)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }
        _items[Count] = slot;
        return Count++;
    }

    /// <summary>Removes the slot at <paramref name="position"/>; returns the slot moved into it, or -1 when none moved.</summary>
    public int RemoveAt(int position)
    {
        Count--;
        if (position == Count)
        {
            return -1;
        }
        _items[position] = _items[Count];
        return _items[position];
    }
}
