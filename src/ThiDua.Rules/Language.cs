namespace ThiDua.Rules;

/// <summary>The language of rendered text: Vietnamese (the default) or English.</summary>
public enum Language
{
    /// <summary>Vietnamese (tiếng Việt).</summary>
    Vi = 0,

    /// <summary>English.</summary>
    En = 1,
}
