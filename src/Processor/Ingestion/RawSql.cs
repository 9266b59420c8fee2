using System.Data.Common;
using CowHealth.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CowHealth.Processor.Ingestion;

/// <summary>
/// Plain commands on the unit of work's connection and transaction, for the few multi-row writes
/// of ingestion that EF Core would send a row at a time (or track first), both providers alike.
/// </summary>
internal static class RawSql
{
    public static DbCommand Command(CowHealthDb db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    public static string Parameter(DbCommand command, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + command.Parameters.Count;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }
}
