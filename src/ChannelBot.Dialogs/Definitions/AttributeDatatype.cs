namespace ChannelBot.Dialogs.Definitions;

/// <summary>Open311 attribute datatypes. YAML spells them in lower case: <c>singlevaluelist</c>...</summary>
public enum AttributeDatatype
{
    String,
    Number,
    Datetime,
    Text,
    Singlevaluelist,
    Multivaluelist,
}
