using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CowHealth.Storage.Migrations.Postgres
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
                    account = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
