namespace RangeScheduler.Storage;

/// <summary>The store cannot be reached or refused a write it should take (UNAVAILABLE); nothing of the failed operation is stored.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
