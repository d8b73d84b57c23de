using Classroom.Tests.Infrastructure;
using Classroom.Web.Content;

namespace Classroom.Tests.Content;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text) =>
        SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]).ToArray();

    private static Article Load(string slug) =>
        ContentLoader.LoadArticle(Paths.Content, Path.Combine(Paths.Content, "articles", slug + ".md"));

    [Fact]
    public void Full_stops_inside_a_token_do_not_end_a_sentence()
    {
        Assert.Equal(
            ["Forces, backed by U.S.-led airstrikes, entered the town.", "It was quoted by abc.net.au on Sunday."],
            Sentences("Forces, backed by U.S.-led airstrikes, entered the town. It was quoted by abc.net.au on Sunday."));
    }

    [Fact]
    public void Abbreviated_ranks_and_initials_do_not_end_a_sentence()
    {
        Assert.Equal(["Maj. Gen. Jones spoke to J. Smith in the U.S. on Monday.", "Then he left."],
            Sentences("Maj. Gen. Jones spoke to J. Smith in the U.S. on Monday. Then he left."));
    }

    [Fact]
    public void Closing_quotes_stay_with_their_sentence()
    {
        Assert.Equal(["\"Your ability is suppressed.\"", "Then he left.", "“Who knows?”", "He asked."],
            Sentences("\"Your ability is suppressed.\" Then he left. “Who knows?” He asked."));
    }

    [Fact]
    public void A_quote_ending_in_a_question_mark_ends_the_sentence()
    {
        Assert.Equal(["He asked, \"Who saw it?\"", "Nobody answered."], Sentences("He asked, \"Who saw it?\" Nobody answered."));
    }

    [Fact]
    public void A_comma_inside_quotes_does_not_end_a_sentence()
    {
        Assert.Single(Sentences("\"Their movement was swift earlier, but now the real battle begins,\" the reporter also said."));
    }

    [Fact]
    public void A_line_with_no_final_full_stop_is_one_sentence()
    {
        Assert.Equal(["Share"], Sentences("Share"));
        Assert.Equal(["It ended.", "US Marines run to a building in Ramadi"], Sentences("It ended. US Marines run to a building in Ramadi"));
    }

    [Fact]
    public void A_source_tag_glued_to_the_next_word_stays_inside_the_sentence()
    {
        Assert.Equal(["(CNN)ISIS’ latest rampage in Iraq has killed over 115 people in just the past week."],
            Sentences("(CNN)ISIS’ latest rampage in Iraq has killed over 115 people in just the past week."));
    }

    [Theory]
    [InlineData("tal-afar-offensive", 9, 12)]
    [InlineData("perverse-caliphate", 14, 17)]
    [InlineData("mosul-retreat", 8, 14)]
    [InlineData("mosul-final-phase", 25, 44)]
    public void Each_article_has_the_paragraph_and_sentence_counts_checked_by_hand(string slug, int paragraphs, int sentences)
    {
        var article = Load(slug);
        Assert.Equal(paragraphs, article.Paragraphs.Count);
        Assert.Equal(sentences, article.Sentences.Count());
    }

    [Theory]
    [InlineData("tal-afar-offensive", "1.1", "date 2017-08-23 REUTERS/Stringer The US-backed Iraqi soldiers fired against the ISIS troops in Tal Afar, Iraq.")]
    [InlineData("tal-afar-offensive", "4.3", "\"Their movement was swift earlier, but now the real battle begins,\" the reporter also said.")]
    [InlineData("tal-afar-offensive", "8.1", "\"The big directive attacks, those are really difficult to orchestrate right now form Iraq and Syria,\" Jones stated.")]
    [InlineData("tal-afar-offensive", "8.2", "\"Your ability to orchestrate those sort of attacks at reach is very significantly suppressed.\"")]
    [InlineData("perverse-caliphate", "3.2", "“The number in Syria is anywhere between 16 to 20 percent”, abc.net.au quoted him as saying.")]
    [InlineData("perverse-caliphate", "7.1", "Counter-terrorism forces, backed by U.S.-led coalition airstrikes, entered the town from the south and took control of al-Intisar district, the force’s spokesman Sabah al-Numan said they expect to reach the center of the town by next morning.")]
    [InlineData("perverse-caliphate", "8.1", "(CNN)ISIS’ latest rampage in Iraq has killed over 115 people in just the past week.")]
    [InlineData("perverse-caliphate", "14.1", "US Marines from the 2nd Battalion 5th Marine Regiment run to a building after detonating explosives to open a gate during a mission in Ramadi in Anbar province Iraq")]
    [InlineData("mosul-retreat", "5.2", "We've seen a movement out of Mosul.")]
    [InlineData("mosul-retreat", "8.2", "They are as motivated to get to Mosul as we are to help them get there\".")]
    [InlineData("mosul-final-phase", "14.2", "It will likely halt attempts to keep formal control over villages and towns and focus on guerilla warfare and terrorist attacks against military")]
    [InlineData("mosul-final-phase", "15.1", "and civilian targets.")]
    [InlineData("mosul-final-phase", "16.2", "Our work wouldn't be possible without your help: PayPal: [southfront@list.ru](mailto:southfront@list.ru) or via: <http://southfront.org/donate/> or via: <https://www.patreon.com/southfront>*")]
    [InlineData("mosul-final-phase", "24.2", "We are making such material available to our readers under the provisions of \"fair use\" in an effort to advance a better understanding of political, economic and social issues.")]
    public void Sentence_boundaries_fall_where_a_reader_puts_them(string slug, string reference, string expected)
    {
        var article = Load(slug);
        var parts = reference.Split('.').Select(int.Parse).ToArray();
        Assert.Equal(expected, article.FindSentence(parts[0], parts[1])?.Text);
    }
}
