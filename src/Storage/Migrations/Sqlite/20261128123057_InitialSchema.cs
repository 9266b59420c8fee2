using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CowHealth.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cows",
                columns: table => new
                {
                    cow_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    farm_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sensor_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    first_seen_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    latest_reading_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    latest_measured_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    latest_rumen_temperature_celsius = table.Column<double>(type: "REAL", nullable: false),
                    latest_activity_index = table.Column<double>(type: "REAL", nullable: false),
                    latest_rumination_minutes = table.Column<double>(type: "REAL", nullable: false),
                    latest_water_intake_litres = table.Column<double>(type: "REAL", nullable: true),
                    latest_rumen_ph = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cows", x => x.cow_id);
                });

            migrationBuilder.CreateTable(
                name: "readings",
                columns: table => new
                {
                    cow_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    measured_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reading_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    farm_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sensor_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    rumen_temperature_celsius = table.Column<double>(type: "REAL", nullable: false),
                    activity_index = table.Column<double>(type: "REAL", nullable: false),
                    rumination_minutes = table.Column<double>(type: "REAL", nullable: false),
                    water_intake_litres = table.Column<double>(type: "REAL", nullable: true),
                    rumen_ph = table.Column<double>(type: "REAL", nullable: true),
                    stored_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readings", x => new { x.cow_id, x.measured_at });
                });

            migrationBuilder.CreateIndex(
                name: "ix_cows_farm_id_cow_id",
                table: "cows",
                columns: new[] { "farm_id", "cow_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cows");

            migrationBuilder.DropTable(
                name: "readings");
        }
    }
}
