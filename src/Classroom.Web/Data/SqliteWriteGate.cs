using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Classroom.Web.Data;

/// <summary>
/// SQLite takes one writer at a time. Left to itself, a second write transaction that collides with the first
/// sleeps and retries (a blocking Thread.Sleep), which holds a pool thread and turns a busy minute into
/// 300-900 ms saves. This gate lets one write into each database file at a time and makes the others wait
/// asynchronously, in order: a transaction holds it from BEGIN to COMMIT or ROLLBACK, a write outside a
/// transaction (a single INSERT, UPDATE or DELETE, or ExecuteUpdate) for that one command. Reads are never gated
/// (WAL lets them run beside the writer). The same connection may re-enter (a migration's lock, then its
/// transaction). Closing a connection lets go of whatever it still held, so an exception can never leave the
/// gate shut. Only the SQLite context uses it; PostgreSQL has real row locks.
/// </summary>
public sealed partial class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    /// <summary>As long as SQLite's own busy timeout: a write that waits longer fails rather than hang.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new();
    private readonly ConditionalWeakTable<DbConnection, Hold> holds = new();
    private readonly ConditionalWeakTable<DbTransaction, DbConnection> owners = new();

    private sealed class Hold
    {
        public SemaphoreSlim? Gate;
        public int Depth;
        public bool ForCommand;
    }

    [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|VACUUM)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteStatement();

    private SemaphoreSlim GateFor(DbConnection connection) => gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));

    private async ValueTask EnterAsync(DbConnection connection, bool forCommand, CancellationToken cancellationToken)
    {
        var hold = holds.GetOrCreateValue(connection);
        if (hold.Depth > 0)
        {
            hold.Depth++;
            return;
        }
        var gate = GateFor(connection);
        if (!await gate.WaitAsync(Patience, cancellationToken))
            throw new TimeoutException($"The database was busy with other writes for {Patience.TotalSeconds:0} s.");
        hold.Gate = gate;
        hold.Depth = 1;
        hold.ForCommand = forCommand;
    }

    private void Enter(DbConnection connection, bool forCommand)
    {
        var hold = holds.GetOrCreateValue(connection);
        if (hold.Depth > 0)
        {
            hold.Depth++;
            return;
        }
        var gate = GateFor(connection);
        if (!gate.Wait(Patience))
            throw new TimeoutException($"The database was busy with other writes for {Patience.TotalSeconds:0} s.");
        hold.Gate = gate;
        hold.Depth = 1;
        hold.ForCommand = forCommand;
    }

    private void Leave(DbTransaction transaction)
    {
        if (owners.TryGetValue(transaction, out var connection)) Leave(connection);
    }

    private void Leave(DbConnection connection, bool all = false)
    {
        if (!holds.TryGetValue(connection, out var hold) || hold.Depth == 0) return;
        hold.Depth = all ? 0 : hold.Depth - 1;
        if (hold.Depth > 0) return;
        var gate = hold.Gate;
        hold.Gate = null;
        hold.ForCommand = false;
        gate?.Release();
    }

    private void LeaveCommand(DbCommand command)
    {
        if (command.Connection is { } connection && holds.TryGetValue(connection, out var hold) && hold.ForCommand && command.Transaction is null)
            Leave(connection);
    }

    private static bool IsLoneWrite(DbCommand command) => command.Transaction is null && WriteStatement().IsMatch(command.CommandText);

    // Transactions: from BEGIN to its end.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, false, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, false);
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        owners.AddOrUpdate(result, connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        owners.AddOrUpdate(result, connection);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    // A write outside any transaction: for that one command.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command)) await EnterAsync(command.Connection!, true, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsLoneWrite(command)) Enter(command.Connection!, true);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command)) await EnterAsync(command.Connection!, true, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsLoneWrite(command)) Enter(command.Connection!, true);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command)) await EnterAsync(command.Connection!, true, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        if (IsLoneWrite(command)) Enter(command.Connection!, true);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveCommand(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveCommand(command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        LeaveCommand(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        LeaveCommand(command);
        return ValueTask.FromResult(result);
    }

    // INSERT … RETURNING is read as a reader: the write is done when the reader is.
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveCommand(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveCommand(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveCommand(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveCommand(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveCommand(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveCommand(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveCommand(command);
        return Task.CompletedTask;
    }

    // Whatever a connection still holds when it closes (a transaction disposed after an exception) is let go.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection, all: true);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection, all: true);
        return Task.CompletedTask;
    }
}
