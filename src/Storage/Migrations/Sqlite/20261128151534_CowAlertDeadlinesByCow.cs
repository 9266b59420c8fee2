using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CowHealth.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CowAlertDeadlinesByCow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_cow_alerts_cow_id_escalating",
                table: "cow_alerts",
                column: "cow_id",
                filter: "escalate_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cow_alerts_cow_id_escalating",
                table: "cow_alerts");
        }
    }
}
