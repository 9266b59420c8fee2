using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CowHealth.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConnectorVendorPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vendor_positions",
                columns: table => new
                {
                    account = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vendor_positions", x => x.account);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vendor_positions");
        }
    }
}
