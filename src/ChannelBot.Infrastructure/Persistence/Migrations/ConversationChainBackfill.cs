namespace ChannelBot.Infrastructure.Persistence.Migrations;

/// <summary>
/// The ConversationChain migration's backfill (the same SQL for SQLite and PostgreSQL): each processed activity linked
/// to the one processed before it in its conversation, each conversation's newest link, and each reply no case owns
/// linked to the activity of its turn (the latest processed at or before it was written). Set-aside activities stay out
/// of the chain, as they do when set aside after the migration.
/// </summary>
internal static class ConversationChainBackfill
{
    public const string Links = """
        UPDATE "InboundActivities" SET "PreviousId" = (
            SELECT MAX(p."Id") FROM "InboundActivities" AS p
            WHERE p."ConversationKey" = "InboundActivities"."ConversationKey" AND p."Id" < "InboundActivities"."Id"
                AND p."ProcessedAt" IS NOT NULL AND p."SetAsideAt" IS NULL)
        WHERE "ProcessedAt" IS NOT NULL AND "SetAsideAt" IS NULL;
        """;

    public const string Lasts = """
        UPDATE "Conversations" SET "LastInboundId" = (
            SELECT MAX(i."Id") FROM "InboundActivities" AS i
            WHERE i."ConversationKey" = "Conversations"."Key" AND i."ProcessedAt" IS NOT NULL AND i."SetAsideAt" IS NULL);
        """;

    public const string Replies = """
        UPDATE "OutboxMessages" SET "InboundId" = (
            SELECT MAX(i."Id") FROM "InboundActivities" AS i
            WHERE i."ConversationKey" = "OutboxMessages"."ConversationKey" AND i."ProcessedAt" IS NOT NULL
                AND i."ProcessedAt" <= "OutboxMessages"."CreatedAt" AND i."SetAsideAt" IS NULL)
        WHERE "CaseId" IS NULL;
        """;
}
