using System.Buffers;
using System.Text.RegularExpressions;

namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Simple, general intent rules over the normalised message. Smalltalk wins only when little else is
/// said: "thanks! and who is Flynn?" is a question, "hello there, good morning!" is a greeting.
/// </summary>
public static partial class IntentClassifier
{
    [GeneratedRegex(@"^(start (over|again|afresh)|reset|restart|new (topic|conversation)|forget (it|that|this|everything|what i (said|asked))|clear( (the )?(context|history|conversation))?|let'?s start over)\b")]
    private static partial Regex Reset();

    [GeneratedRegex(@"^(tell me more|more( please)?|go on|continue|keep going|and then\??|what else|what happened next|what comes next|next|anything else|more (detail|details|info|information|context)( please)?|can you elaborate|elaborate|say more|what'?s next|and\??)$")]
    private static partial Regex More();

    // whole words: "which party is the mayor in" asks about a party, not "which part"; "how do you know if my bike is
    // recalled" asks how to tell, not for the source
    [GeneratedRegex(@"^(source|sources|cite|citation|reference|proof|evidence|says who)\??$|where (does|did) (it|the (story|article)) say (that|so|this)|where('s| is) (that|this) from|where did you (get|find|read) (that|this)|how do you know( that| this)?\??$|which (paragraph|sentence|part)\b|show (me )?(the )?(source|citation|quote|sentence)|what('s| is) (the|your) source|quote (it|that|the (source|sentence))|where is (that|this|it) (in the (story|article)|written|stated)")]
    private static partial Regex Source();

    [GeneratedRegex(@"^(hi+|hello+|hey+|hiya|howdy|yo|greetings|good (morning|afternoon|evening|day)|hallo|hola|sup|what'?s up|heya)\b")]
    private static partial Regex Greeting();

    // a reaction that asks nothing: the reply invites the next question ("ok" mid-conversation is not goodbye)
    [GeneratedRegex(@"^((ok(ay)?|alright|all right|right|sure|cool|nice|neat|great|interesting|wow|whoa|woah|oh|ah|aha|huh|i see|got it|gotcha|makes sense|fair enough|good to know|no way|really|yeah|yes|yep|yup|omg|damn|wild|crazy|that's|thats|that|is|so|very|pretty|super|hmm+) ?)+$")]
    private static partial Regex Acknowledge();

    // an acknowledgement may lead in ("cool, thank you", "ok thanks"); on its own it is not thanks ("cool", "got it")
    [GeneratedRegex(@"^((ok(ay)?|cool|nice|great|got it|alright|oh|wow) )?(thanks?|thank (you|u)|thx|ty|cheers|many thanks|much appreciated|appreciate (it|that)|perfect|awesome)\b")]
    private static partial Regex Thanks();

    [GeneratedRegex(@"\b(bye+|goodbye|good bye|see (you|ya)( later| soon)?|farewell|good ?night|later|that'?s all|i'?m done|i am done|(gotta|got to|have to|need to) (go|run)|talk to you (later|soon)|be (right )?back|have a (good|nice) (day|one)|ciao|adios|take care)\b")]
    private static partial Regex Goodbye();

    [GeneratedRegex(@"\b(what can (you|u) do|what (can|could|should) i ask|how (does|do) (this|it|you) work|what (kinds?|sorts?|types?) of questions|how (do|can) i use (this|you)|what do you know|what are you (for|able to do)|help( me)?|instructions|commands|options|what can i do|how to use)\b")]
    private static partial Regex Help();

    [GeneratedRegex(@"\b(who are (you|u)|what are (you|u)|(are )?(you|u) (a |an )?(real |actual )?(bot|robot|human|person|machine|ai|chatbot|computer|program|people)|who (made|built|created|wrote|programmed) (you|this)|what'?s your name|your name|are (you|u) (real|alive|human|sentient)|is this a (bot|robot|human|person)|am i (talking|chatting|speaking) (to|with) (a )?(bot|human|person|robot|machine)|tell me about yourself|introduce yourself)\b")]
    private static partial Regex About();

    [GeneratedRegex(@"\b(what('s| is| was)? (this|the) (story|article|news|piece|report)( all)? about|summar(y|ise|ize)|tl;?dr|gist|main (point|points|idea)|headline|overview|what happened( here)?\??$|what('s| is) (going on|the news)(?! (with|about|between|in|at|for|regarding) )|brief me|recap|in a nutshell|key points)\b")]
    private static partial Regex Summary();

    /// <summary>
    /// Normalises text for the rules: lower case, straight apostrophes, no punctuation, common misspellings of
    /// question words fixed. Words are runs of letters, digits, apostrophes and hyphens between two letters;
    /// everything else separates them by one space. One pass over the text instead of two regex replacements,
    /// a split and a join: it runs for every message (and for every carried follow-up), and gives exactly what
    /// <c>[^\p{L}\p{N}'\- ]+|(?&lt;!\p{L})-|-(?!\p{L})</c> → space, <c>\s+</c> → space, trim did
    /// (IntentClassifierTests compares them).
    /// </summary>
    public static string Normalize(string text)
    {
        var lower = text.ToLowerInvariant();
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, lower.Length * MaxGrowth));
        try
        {
            var length = 0;
            var wordStart = NotInWord;
            for (var i = 0; i < lower.Length; i++)
            {
                if (!IsWordChar(lower, i))
                {
                    EndWord(buffer, ref length, ref wordStart);
                    continue;
                }

                if (wordStart == NotInWord)
                {
                    if (length > 0)
                    {
                        buffer[length++] = ' ';
                    }

                    wordStart = length;
                }

                var c = lower[i];
                buffer[length++] = c is '’' or '‘' ? '\'' : c;
            }

            EndWord(buffer, ref length, ref wordStart);
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // Marks "between words" for Normalize's word start.
    private const int NotInWord = -1;

    // The normalised text is at most this many times the text's length: a one-letter typo may become three ("y" → "why").
    private const int MaxGrowth = 3;

    // Whether the character at i stays in a word: letters, digits (\p{N}), apostrophes, and a hyphen between two letters.
    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetter(c) || char.IsNumber(c) || c is '\'' or '’' or '‘')
        {
            return true;
        }

        return c == '-' && i > 0 && char.IsLetter(text[i - 1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]);
    }

    // Closes the word being written, if any: a misspelt question word is replaced by its fix (looked up by span, no string).
    private static void EndWord(char[] buffer, ref int length, ref int wordStart)
    {
        if (wordStart == NotInWord)
        {
            return;
        }

        if (length - wordStart <= MaxTypoLength && TypoLookup.TryGetValue(buffer.AsSpan(wordStart, length - wordStart), out var fixedWord))
        {
            fixedWord.CopyTo(buffer.AsSpan(wordStart));
            length = wordStart + fixedWord.Length;
        }

        wordStart = NotInWord;
    }

    private static readonly Dictionary<string, string> Typos = new(StringComparer.Ordinal)
    {
        ["wat"] = "what", ["wut"] = "what", ["wht"] = "what", ["whta"] = "what", ["waht"] = "what", ["whats"] = "what's",
        ["wen"] = "when", ["whn"] = "when", ["wehn"] = "when", ["wher"] = "where", ["whre"] = "where", ["wheres"] = "where's",
        ["hwo"] = "who", ["whos"] = "who's", ["hw"] = "how", ["hwo many"] = "how many", ["y"] = "why", ["wich"] = "which", ["whcih"] = "which",
        // the apostrophe left out: "whered he go", "whod she meet", "howd they know"
        ["whered"] = "where'd", ["whod"] = "who'd", ["whatd"] = "what'd", ["howd"] = "how'd", ["whyd"] = "why'd", ["hows"] = "how's", ["whens"] = "when's",
        ["thats"] = "that's", ["theres"] = "there's",
    };

    /// <summary>Misspelt question words people type fast ("wat", "wen", "hw"), and contractions typed without their apostrophe ("whats", "thats").</summary>
    public static readonly IReadOnlyDictionary<string, string> QuestionWordTypos = Typos;

    // Normalize looks a word up by its characters in the buffer, only when it is no longer than the longest typo.
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TypoLookup = Typos.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly int MaxTypoLength = Typos.Keys.Max(k => k.Length);

    /// <summary>Classifies one message.</summary>
    public static Intent Classify(string text) => Classify(text, Slang.WriteOut(Normalize(text)));

    /// <summary>Classifies one message whose <see cref="Normalize"/>d form, shorthand written out (<see cref="Slang.WriteOut"/>), the caller already has.</summary>
    public static Intent Classify(string text, string normalized)
    {
        var t = normalized;
        if (t.Length == 0)
        {
            return Intent.Help;
        }

        var raw = text.Trim().ToLowerInvariant().Replace('’', '\'');
        if (More().IsMatch(t))
        {
            return Intent.More;
        }

        if (Source().IsMatch(t) || Source().IsMatch(raw))
        {
            return Intent.Source;
        }

        if (Reset().IsMatch(t))
        {
            return Intent.Reset;
        }

        if (Summary().IsMatch(t))
        {
            return Intent.Summary;
        }

        // "thanks for your help" thanks; it does not ask for help
        if (Thanks().IsMatch(t) && Leftover(Thanks(), t) <= 4 && !t.Contains(" what ", StringComparison.Ordinal) && !t.Contains(" how ", StringComparison.Ordinal) && !text.Contains('?'))
        {
            return Goodbye().IsMatch(t) ? Intent.Goodbye : Intent.Thanks;
        }

        if (About().IsMatch(t) && Leftover(About(), t) <= 2)
        {
            return Intent.About;
        }

        if (Help().IsMatch(t) && Leftover(Help(), t) <= 3)
        {
            return Intent.Help;
        }

        if (Thanks().IsMatch(t) && Leftover(Thanks(), t) <= 2)
        {
            return Goodbye().IsMatch(t) ? Intent.Goodbye : Intent.Thanks;
        }

        if (Goodbye().IsMatch(t) && Leftover(Goodbye(), t) <= 3)
        {
            return Intent.Goodbye;
        }

        if (Greeting().IsMatch(t) && Leftover(Greeting(), t) <= 1)
        {
            return Intent.Greeting;
        }

        if (IsAcknowledgement(t))
        {
            return Intent.Acknowledge;
        }

        return Intent.Question;
    }

    // "that's so very interesting wow" is still a reaction; a longer message says something.
    private const int MaxAcknowledgementWords = 5;

    // Short, and nothing but reaction words and interjections ("lol", "ok cool", "hmm interesting"): it asks nothing.
    private static bool IsAcknowledgement(string t)
    {
        var words = t.Split(' ');
        if (words.Length > MaxAcknowledgementWords)
        {
            return false;
        }

        var rest = string.Join(' ', words.Where(w => !Slang.IsInterjection(w)));
        return rest.Length == 0 || Acknowledge().IsMatch(rest);
    }

    // How many words remain besides the smalltalk phrase and filler, i.e. whether a real question rides along.
    private static int Leftover(Regex rule, string t)
    {
        var rest = rule.Replace(t, " ");
        return rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Count(w => !Filler.Contains(w) && !Slang.IsInterjection(w));
    }

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "ok", "okay", "so", "well", "oh", "and", "there", "again", "very", "much", "really", "so", "a", "lot", "you", "u",
        "please", "bot", "storybot", "friend", "mate", "buddy", "all", "everyone", "folks", "good", "morning", "afternoon",
        "evening", "that's", "thats", "that", "was", "is", "it", "helpful", "great", "useful", "nice", "now", "for", "the",
        "help", "info", "then", "i", "me", "can", "to", "with", "this", "doing", "how", "are", "today", "later", "soon", "sir",
        "your", "my", "time", "answer", "answers", "again",
    };
}
