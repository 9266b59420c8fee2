using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CowHealth.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GatewayReadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_alerts_raised_at",
                table: "alerts");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_open_by_cow",
                table: "alerts",
                columns: new[] { "cow_id", "severity" },
                filter: "status <> 'Resolved'");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_open_by_farm",
                table: "alerts",
                columns: new[] { "farm_id", "condition", "severity" },
                filter: "status <> 'Resolved'");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_raised_at_cow_id_condition",
                table: "alerts",
                columns: new[] { "raised_at", "cow_id", "condition" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_alerts_open_by_cow",
                table: "alerts");

            migrationBuilder.DropIndex(
                name: "ix_alerts_open_by_farm",
                table: "alerts");

            migrationBuilder.DropIndex(
                name: "ix_alerts_raised_at_cow_id_condition",
                table: "alerts");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_raised_at",
                table: "alerts",
                column: "raised_at");
        }
    }
}
