using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CowHealth.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadingsPartitionHolders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "readings_partition_holders",
                columns: table => new
                {
                    partition = table.Column<int>(type: "INTEGER", nullable: false),
                    generation = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readings_partition_holders", x => x.partition);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "readings_partition_holders");
        }
    }
}
