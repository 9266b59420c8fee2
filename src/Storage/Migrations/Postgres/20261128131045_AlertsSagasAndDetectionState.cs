using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CowHealth.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertsSagasAndDetectionState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_events",
                columns: table => new
                {
                    position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    alert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cow_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    farm_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    event_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    payload_json = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_events", x => x.position);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    alert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cow_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    farm_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    condition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    severity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    raised_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    escalated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    acknowledged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    acknowledgement_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reopen_count = table.Column<int>(type: "integer", nullable: false),
                    evidence_json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.alert_id);
                });

            migrationBuilder.CreateTable(
                name: "cow_alerts",
                columns: table => new
                {
                    correlation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    current_state = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    cow_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    farm_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    condition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    alert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    severity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    raised_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    escalate_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    cool_down_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cow_alerts", x => x.correlation_id);
                });

            migrationBuilder.CreateTable(
                name: "detection_states",
                columns: table => new
                {
                    cow_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    last_measured_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    snapshot_json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_detection_states", x => x.cow_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alert_events_alert_id_position",
                table: "alert_events",
                columns: new[] { "alert_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_alert_events_event_id",
                table: "alert_events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alert_events_unpublished",
                table: "alert_events",
                column: "position",
                filter: "published_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_cow_id_status",
                table: "alerts",
                columns: new[] { "cow_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_farm_id_status_raised_at",
                table: "alerts",
                columns: new[] { "farm_id", "status", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_raised_at",
                table: "alerts",
                column: "raised_at");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_status_raised_at",
                table: "alerts",
                columns: new[] { "status", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cow_alerts_alert_id",
                table: "cow_alerts",
                column: "alert_id");

            migrationBuilder.CreateIndex(
                name: "ix_cow_alerts_farm_id_escalate_at",
                table: "cow_alerts",
                columns: new[] { "farm_id", "escalate_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_events");

            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "cow_alerts");

            migrationBuilder.DropTable(
                name: "detection_states");
        }
    }
}
