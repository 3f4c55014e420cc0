using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChannelBot.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConversationIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ConversationKey_Id",
                table: "OutboxMessages",
                columns: new[] { "ConversationKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundActivities_ConversationKey_Id",
                table: "InboundActivities",
                columns: new[] { "ConversationKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ConversationKey_Id",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_InboundActivities_ConversationKey_Id",
                table: "InboundActivities");
        }
    }
}
