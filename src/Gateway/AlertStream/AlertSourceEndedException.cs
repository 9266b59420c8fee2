namespace CowHealth.Gateway.AlertStream;

/// <summary>A stream's source cannot go on; the message says why (for the log). The client reconnects with its last id.</summary>
public sealed class AlertSourceEndedException(string message, Exception? inner = null) : Exception(message, inner);
