using System.Buffers.Text;
using System.Text;
using RangeScheduler.Server.Paging;

namespace RangeScheduler.Server.Tests.Paging;

public sealed class KeysetPageTests
{
    private static readonly string[] Ids = Enumerable.Range(0, 1234).Select(i => $"id-{i:D4}").ToArray();

    [Theory]
    [InlineData(0u, KeysetPage.DefaultSize)]
    [InlineData(1u, 1)]
    [InlineData(500u, 500)]
    [InlineData(501u, KeysetPage.MaxSize)]
    [InlineData(uint.MaxValue, KeysetPage.MaxSize)]
    public void PageSize_DefaultedAndCapped(uint requested, int served) =>
        Take(requested, "")!.Items.Count.ShouldBe(served);

    [Theory]
    [InlineData(0u)]
    [InlineData(7u)]
    [InlineData(500u)]
    public void FollowingTokens_ServesEveryItemOnceInOrder(uint pageSize)
    {
        var served = new List<string>();
        var token = "";
        do
        {
            var page = Take(pageSize, token)!;
            served.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        served.ShouldBe(Ids);
    }

    [Fact]
    public void LastPageExactlyFull_HasNoNextToken() =>
        KeysetPage.Take(Ids[..10], id => id, "things", 10, "")!.NextPageToken.ShouldBeEmpty();

    [Fact]
    public void EmptyList_OneEmptyPage()
    {
        var page = KeysetPage.Take(Array.Empty<string>(), id => id, "things", 0, "")!;

        page.Items.ShouldBeEmpty();
        page.NextPageToken.ShouldBeEmpty();
    }

    [Fact]
    public void ItemRemovedBetweenPages_NextPageStartsAfterIt()
    {
        var token = Take(3, "")!.NextPageToken;
        var withoutThird = Ids.Where(id => id != "id-0002").ToArray();

        KeysetPage.Take(withoutThird, id => id, "things", 2, token)!.Items.ShouldBe(["id-0003", "id-0004"]);
    }

    [Fact]
    public void TokenOfAnotherList_Refused()
    {
        var token = KeysetPage.Take(Ids, id => id, "others", 3, "")!.NextPageToken;

        Take(3, token).ShouldBeNull();
    }

    [Theory]
    [InlineData("not a token!")]
    [InlineData("AAAA")]
    [InlineData("%%%")]
    public void ForeignToken_Refused(string token) =>
        Take(3, token).ShouldBeNull();

    [Fact]
    public void TokenOfAnotherVersion_Refused() =>
        Take(3, Base64Url.EncodeToString(Encoding.UTF8.GetBytes("0\nthings\nid-0003"))).ShouldBeNull();

    private static Page<string>? Take(uint pageSize, string token) =>
        KeysetPage.Take(Ids, id => id, "things", pageSize, token);
}
