using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChannelBot.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPhotoSourceRelease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SourceReleaseAttempts",
                table: "CasePhotos",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SourceReleaseFailure",
                table: "CasePhotos",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SourceReleaseNextAttemptAt",
                table: "CasePhotos",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SourceReleasedAt",
                table: "CasePhotos",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CasePhotos_Status_SourceReleasedAt",
                table: "CasePhotos",
                columns: new[] { "Status", "SourceReleasedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CasePhotos_Status_SourceReleasedAt",
                table: "CasePhotos");

            migrationBuilder.DropColumn(
                name: "SourceReleaseAttempts",
                table: "CasePhotos");

            migrationBuilder.DropColumn(
                name: "SourceReleaseFailure",
                table: "CasePhotos");

            migrationBuilder.DropColumn(
                name: "SourceReleaseNextAttemptAt",
                table: "CasePhotos");

            migrationBuilder.DropColumn(
                name: "SourceReleasedAt",
                table: "CasePhotos");
        }
    }
}
