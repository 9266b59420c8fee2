using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CowHealth.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CowReadingsPartition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "readings_partition",
                table: "cows",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_cows_readings_partition",
                table: "cows",
                column: "readings_partition");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cows_readings_partition",
                table: "cows");

            migrationBuilder.DropColumn(
                name: "readings_partition",
                table: "cows");
        }
    }
}
