using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChannelBot.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConversationChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "InboundId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PreviousId",
                table: "InboundActivities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastInboundId",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            // The chain for the messages already stored, found with the indexes by conversation key before they go.
            migrationBuilder.Sql(ConversationChainBackfill.Links);
            migrationBuilder.Sql(ConversationChainBackfill.Lasts);
            migrationBuilder.Sql(ConversationChainBackfill.Replies);

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ConversationKey_Id",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_InboundActivities_ConversationKey_Id",
                table: "InboundActivities");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_InboundId",
                table: "OutboxMessages",
                column: "InboundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_InboundId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "InboundId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "PreviousId",
                table: "InboundActivities");

            migrationBuilder.DropColumn(
                name: "LastInboundId",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ConversationKey_Id",
                table: "OutboxMessages",
                columns: new[] { "ConversationKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundActivities_ConversationKey_Id",
                table: "InboundActivities",
                columns: new[] { "ConversationKey", "Id" });
        }
    }
}
