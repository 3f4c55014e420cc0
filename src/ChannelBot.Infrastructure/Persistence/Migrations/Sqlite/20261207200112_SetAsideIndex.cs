using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChannelBot.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SetAsideIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_InboundActivities_SetAside",
                table: "InboundActivities",
                column: "Id",
                filter: "\"SetAsideAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboundActivities_SetAside",
                table: "InboundActivities");
        }
    }
}
