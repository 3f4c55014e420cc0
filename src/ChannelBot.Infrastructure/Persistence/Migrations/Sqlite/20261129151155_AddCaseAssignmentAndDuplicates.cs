using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChannelBot.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCaseAssignmentAndDuplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "CaseStatusChanges",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            // Every entry written before this migration was a status change.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "CaseStatusChanges",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Status");

            migrationBuilder.AddColumn<string>(
                name: "Assignee",
                table: "Cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DuplicateOf",
                table: "Cases",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DuplicateOf",
                table: "Cases",
                column: "DuplicateOf");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_DuplicateOf",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "CaseStatusChanges");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "CaseStatusChanges");

            migrationBuilder.DropColumn(
                name: "Assignee",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DuplicateOf",
                table: "Cases");
        }
    }
}
