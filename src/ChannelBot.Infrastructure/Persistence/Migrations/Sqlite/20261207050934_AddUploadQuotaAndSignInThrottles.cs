using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChannelBot.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddUploadQuotaAndSignInThrottles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                table: "StaffAccounts");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "StaffAccounts");

            migrationBuilder.AddColumn<long>(
                name: "UploadBytes",
                table: "DirectLineConversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "UploadCount",
                table: "DirectLineConversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "StaffSignInThrottles",
                columns: table => new
                {
                    NormalizedLogin = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Network = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffSignInThrottles", x => new { x.NormalizedLogin, x.Network });
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffSignInThrottles_UpdatedAt",
                table: "StaffSignInThrottles",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StaffSignInThrottles");

            migrationBuilder.DropColumn(
                name: "UploadBytes",
                table: "DirectLineConversations");

            migrationBuilder.DropColumn(
                name: "UploadCount",
                table: "DirectLineConversations");

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "StaffAccounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntil",
                table: "StaffAccounts",
                type: "INTEGER",
                nullable: true);
        }
    }
}
