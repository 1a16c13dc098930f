using Grievance.Text;

namespace Grievance.Routing.Internal;

/// <summary>
/// One multi-pattern automaton over the words of match keys (<see cref="TextNormalizer.ToMatchKey"/>), built once: a trie of
/// word ids that holds every place name and every lexicon keyword. A scan tokenizes the text once and walks the trie from each
/// word, keeping the leftmost-longest place matches and, separately, the leftmost-longest keyword matches (so "street light"
/// wins over "light" and "Kanpur Dehat" over "Kanpur"), and notes every problem word. A word no pattern contains may be matched
/// to a one-word place name by edit distance.
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads; each scan writes only to its own <see cref="ScanResult"/>.</remarks>
internal sealed class PhraseMatcher
{
    private const int NoNode = -1;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokens;
    private readonly int[] _rootChildren;
    private readonly Dictionary<long, int> _children;
    private readonly int[] _place;
    private readonly int[][] _keywords;
    private readonly bool[] _problemWord;
    private readonly FuzzyPlaceIndex? _fuzzy;

    private PhraseMatcher(
        Dictionary<string, int> tokens,
        int[] rootChildren,
        Dictionary<long, int> children,
        int[] place,
        int[][] keywords,
        bool[] problemWord,
        FuzzyPlaceIndex? fuzzy)
    {
        _tokens = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        _rootChildren = rootChildren;
        _children = children;
        _place = place;
        _keywords = keywords;
        _problemWord = problemWord;
        _fuzzy = fuzzy;
    }

    /// <summary>Gets the number of distinct words the patterns are made of.</summary>
    public int VocabularySize => _rootChildren.Length;

    /// <summary>Scans <paramref name="text"/> into <paramref name="result"/>, which is cleared first.</summary>
    public void Scan(string text, ScanResult result, bool placesOnly = false)
    {
        result.Clear();
        var key = TextNormalizer.ToMatchKey(text);
        Tokenize(key, result);

        var tokens = result.TokenIds;
        var count = result.TokenCount;
        var placeCursor = 0;
        var keywordCursor = 0;
        for (var i = 0; i < count; i++)
        {
            var bestPlace = -1;
            var bestPlaceEnd = 0;
            var bestKeywordNode = NoNode;
            var bestKeywordEnd = 0;
            var problemWordHere = false;
            var node = NoNode;
            for (var j = i; j < count; j++)
            {
                node = Next(node, tokens[j]);
                if (node == NoNode)
                {
                    break;
                }

                if (_place[node] >= 0)
                {
                    bestPlace = _place[node];
                    bestPlaceEnd = j + 1;
                }

                if (!placesOnly)
                {
                    if (_keywords[node].Length > 0)
                    {
                        bestKeywordNode = node;
                        bestKeywordEnd = j + 1;
                    }

                    problemWordHere |= _problemWord[node];
                }
            }

            if (problemWordHere)
            {
                result.AddProblemWord(i);
            }

            if (i >= placeCursor)
            {
                if (bestPlace >= 0)
                {
                    result.AddPlace(new PlaceHit(bestPlace, i, bestPlaceEnd, Fuzzy: false));
                    placeCursor = bestPlaceEnd;
                }
                else if (tokens[i] < 0 && _fuzzy is not null)
                {
                    var fuzzy = _fuzzy.Find(result.Token(i));
                    if (fuzzy >= 0)
                    {
                        result.AddPlace(new PlaceHit(fuzzy, i, i + 1, Fuzzy: true));
                        placeCursor = i + 1;
                    }
                }
            }

            if (i >= keywordCursor && bestKeywordNode != NoNode)
            {
                foreach (var keyword in _keywords[bestKeywordNode])
                {
                    result.AddKeyword(new KeywordHit(keyword, i, bestKeywordEnd));
                }

                keywordCursor = bestKeywordEnd;
            }
        }
    }

    private void Tokenize(string key, ScanResult result)
    {
        result.SetKey(key);
        var span = key.AsSpan();
        var start = 0;
        while (start < span.Length)
        {
            var length = span[start..].IndexOf(' ');
            if (length < 0)
            {
                length = span.Length - start;
            }

            var id = _tokens.TryGetValue(span.Slice(start, length), out var known) ? known : -1;
            result.AddToken(id, start, length);
            start += length + 1;
        }
    }

    private int Next(int node, int token)
    {
        if (token < 0)
        {
            return NoNode;
        }

        if (node == NoNode)
        {
            return _rootChildren[token];
        }

        return _children.TryGetValue(((long)node << 32) | (uint)token, out var child) ? child : NoNode;
    }

    /// <summary>Collects patterns, then freezes them into a <see cref="PhraseMatcher"/>.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> _tokens = new(StringComparer.Ordinal);
        private readonly Dictionary<long, int> _children = [];
        private readonly List<int> _rootChildren = [];
        private readonly List<int> _place = [];
        private readonly List<int> _placeDistrict = [];
        private readonly List<int> _placeProminence = [];
        private readonly List<List<int>?> _keywords = [];
        private readonly List<bool> _problemWord = [];
        private readonly List<(string Key, int Place, int District)> _singleWordPlaces = [];

        /// <summary>
        /// Adds a place pattern. When two districts' names share a key, the more prominent name wins (lower
        /// <paramref name="prominence"/>: a district's own name before its headquarters town, before other aliases, before
        /// localities); names equally prominent in two districts are ambiguous and match neither.
        /// </summary>
        /// <returns><see langword="false"/> when <paramref name="text"/> has nothing to match.</returns>
        public bool AddPlace(string text, int place, int district, int prominence)
        {
            var key = TextNormalizer.ToMatchKey(text);
            var node = Walk(key);
            if (node == NoNode)
            {
                return false;
            }

            var existing = _place[node];
            if (existing == -1 || (_placeDistrict[node] != district && prominence < _placeProminence[node]))
            {
                _place[node] = place;
                _placeDistrict[node] = district;
                _placeProminence[node] = prominence;
                if (existing == -1 && !key.Contains(' ', StringComparison.Ordinal))
                {
                    _singleWordPlaces.Add((key, place, district));
                }
            }
            else if (_placeDistrict[node] != district && prominence == _placeProminence[node])
            {
                _place[node] = -2; // ambiguous: equally prominent in two districts
            }

            return true;
        }

        /// <summary>Adds a keyword pattern.</summary>
        /// <returns><see langword="false"/> when <paramref name="text"/> has nothing to match.</returns>
        public bool AddKeyword(string text, int keyword)
        {
            var node = Walk(TextNormalizer.ToMatchKey(text));
            if (node == NoNode)
            {
                return false;
            }

            (_keywords[node] ??= []).Add(keyword);
            return true;
        }

        /// <summary>Adds a problem word.</summary>
        /// <returns><see langword="false"/> when <paramref name="text"/> has nothing to match.</returns>
        public bool AddProblemWord(string text)
        {
            var node = Walk(TextNormalizer.ToMatchKey(text));
            if (node == NoNode)
            {
                return false;
            }

            _problemWord[node] = true;
            return true;
        }

        public PhraseMatcher Build(bool fuzzy)
        {
            var rootChildren = new int[_tokens.Count];
            for (var i = 0; i < rootChildren.Length; i++)
            {
                rootChildren[i] = i < _rootChildren.Count ? _rootChildren[i] : NoNode;
            }

            var place = _place.Select(p => p < 0 ? -1 : p).ToArray();
            var keywords = _keywords.Select(k => k is null ? [] : k.ToArray()).ToArray();
            FuzzyPlaceIndex? index = null;
            if (fuzzy)
            {
                // Only unambiguous one-word names: an ambiguous key must not come back through a misspelling.
                var usable = _singleWordPlaces
                    .Select(p => (p.Key, Place: place[Walk(p.Key, create: false)], p.District))
                    .Where(p => p.Place >= 0)
                    .Select(p => (p.Key, p.Place, _placeDistrict[Walk(p.Key, create: false)]))
                    .ToList();
                index = new FuzzyPlaceIndex(usable);
            }

            return new PhraseMatcher(new Dictionary<string, int>(_tokens, StringComparer.Ordinal), rootChildren, new Dictionary<long, int>(_children), place, keywords, [.. _problemWord], index);
        }

        private int Walk(string key, bool create = true)
        {
            if (key.Length == 0)
            {
                return NoNode;
            }

            var node = NoNode;
            foreach (var word in key.Split(' '))
            {
                if (!_tokens.TryGetValue(word, out var token))
                {
                    if (!create)
                    {
                        return NoNode;
                    }

                    token = _tokens.Count;
                    _tokens.Add(word, token);
                }

                node = create ? Child(node, token) : Find(node, token);
                if (node == NoNode)
                {
                    return NoNode;
                }
            }

            return node;
        }

        private int Find(int node, int token)
        {
            if (node == NoNode)
            {
                return token < _rootChildren.Count ? _rootChildren[token] : NoNode;
            }

            return _children.TryGetValue(((long)node << 32) | (uint)token, out var child) ? child : NoNode;
        }

        private int Child(int node, int token)
        {
            var existing = Find(node, token);
            if (existing != NoNode)
            {
                return existing;
            }

            var created = _place.Count;
            _place.Add(-1);
            _placeDistrict.Add(-1);
            _placeProminence.Add(int.MaxValue);
            _keywords.Add(null);
            _problemWord.Add(false);
            if (node == NoNode)
            {
                while (_rootChildren.Count <= token)
                {
                    _rootChildren.Add(NoNode);
                }

                _rootChildren[token] = created;
            }
            else
            {
                _children[((long)node << 32) | (uint)token] = created;
            }

            return created;
        }
    }
}

/// <summary>A place pattern found in the text: tokens [<see cref="Start"/>, <see cref="End"/>).</summary>
internal readonly record struct PlaceHit(int Place, int Start, int End, bool Fuzzy);

/// <summary>A keyword pattern found in the text: tokens [<see cref="Start"/>, <see cref="End"/>).</summary>
internal readonly record struct KeywordHit(int Keyword, int Start, int End);

/// <summary>What one scan found; reused between scans on the same thread to avoid allocation.</summary>
internal sealed class ScanResult
{
    private readonly List<PlaceHit> _places = [];
    private readonly List<KeywordHit> _keywords = [];
    private readonly List<int> _problemWords = [];
    private int[] _tokenIds = new int[64];
    private int[] _tokenStarts = new int[64];
    private int[] _tokenLengths = new int[64];
    private string _key = string.Empty;

    public int TokenCount { get; private set; }

    public ReadOnlySpan<int> TokenIds => _tokenIds.AsSpan(0, TokenCount);

    public IReadOnlyList<PlaceHit> Places => _places;

    public IReadOnlyList<KeywordHit> Keywords => _keywords;

    /// <summary>Gets the token positions where a problem word starts, in ascending order.</summary>
    public IReadOnlyList<int> ProblemWords => _problemWords;

    public ReadOnlySpan<char> Token(int index) => _key.AsSpan(_tokenStarts[index], _tokenLengths[index]);

    /// <summary>Returns the text of tokens [<paramref name="from"/>, <paramref name="to"/>), words separated by single spaces.</summary>
    public ReadOnlySpan<char> Span(int from, int to) =>
        _key.AsSpan(_tokenStarts[from], _tokenStarts[to - 1] + _tokenLengths[to - 1] - _tokenStarts[from]);

    public int TokenId(int index) => _tokenIds[index];

    /// <summary>
    /// Returns whether a problem word starts within <paramref name="window"/> tokens before or after [<paramref name="start"/>,
    /// <paramref name="end"/>), not inside it: a subject that is itself a problem word does not confirm itself.
    /// </summary>
    public bool HasProblemWordNear(int start, int end, int window)
    {
        foreach (var position in _problemWords)
        {
            if ((position >= start - window && position < start) || (position >= end && position < end + window))
            {
                return true;
            }
        }

        return false;
    }

    internal void Clear()
    {
        _places.Clear();
        _keywords.Clear();
        _problemWords.Clear();
        TokenCount = 0;
        _key = string.Empty;
    }

    internal void SetKey(string key) => _key = key;

    internal void AddToken(int id, int start, int length)
    {
        if (TokenCount == _tokenIds.Length)
        {
            Array.Resize(ref _tokenIds, TokenCount * 2);
            Array.Resize(ref _tokenStarts, TokenCount * 2);
            Array.Resize(ref _tokenLengths, TokenCount * 2);
        }

        _tokenIds[TokenCount] = id;
        _tokenStarts[TokenCount] = start;
        _tokenLengths[TokenCount] = length;
        TokenCount++;
    }

    internal void AddPlace(PlaceHit hit) => _places.Add(hit);

    internal void AddKeyword(KeywordHit hit) => _keywords.Add(hit);

    internal void AddProblemWord(int position) => _problemWords.Add(position);
}
