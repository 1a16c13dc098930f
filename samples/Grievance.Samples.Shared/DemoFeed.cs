using Grievance.Twitter.Testing;

namespace Grievance.Samples;

/// <summary>
/// The demo mentions the sample seeds into the fake X: 27 complaints in English, Hindi and Hinglish across ten
/// departments and many districts, one of them tagging two desk handles (so it is delivered twice), one retweet of
/// the desk's own advisory (not a grievance), one long post, and one follow-up in a complainant's thread.
/// People, places in small print and numbers are made up.
/// </summary>
public static class DemoFeed
{
    /// <summary>The desk accounts the sample polls: one per department handle.</summary>
    public static readonly IReadOnlyList<(string Id, string Username)> Desks =
    [
        ("1500000000000000001", "Uppolice"),
        ("1500000000000000002", "lucknowpolice_Sample"),
        ("1500000000000000003", "noidapolice_Sample"),
        ("1500000000000000004", "kanpurpolice_Sample"),
        ("1500000000000000010", "UPPCL_Sample"),
        ("1500000000000000011", "UPJalNigam_Sample"),
        ("1500000000000000012", "NagarNigam_Sample"),
        ("1500000000000000013", "UPPWD_Sample"),
        ("1500000000000000014", "UPSRTC_Sample"),
        ("1500000000000000015", "UPHealth_Sample"),
        ("1500000000000000016", "UPRevenue_Sample"),
        ("1500000000000000017", "UPFood_Sample"),
        ("1500000000000000018", "UPEducation_Sample"),
    ];

    /// <summary>The texts of the 27 complaints, in the order they are posted.</summary>
    public static readonly IReadOnlyList<(string Lang, string Text)> Complaints =
    [
        ("en", "@lucknowpolice_Sample My scooter UP32 XX 4521 was stolen from outside Bhootnath market, Lucknow last night. FIR not written yet. Please help."),
        ("hi", "@UPPCL_Sample गोरखपुर के राप्ती नगर में कल रात से बिजली नहीं है, ट्रांसफॉर्मर जल गया है। कोई सुनवाई नहीं।"),
        ("hi", "@UPJalNigam_Sample Varanasi ke Lanka mohalle me 4 din se nal me paani nahi aa raha, tanker bhi nahi aaya"),
        ("en", "@NagarNigam_Sample Garbage has not been picked up for a week near Swaroop Nagar, Kanpur Nagar. Stray dogs everywhere. #Swachh"),
        ("en", "@UPPWD_Sample Prayagraj Civil Lines se Naini bridge tak road me itne gadde hai, yesterday a biker fell. Please repair urgently"),
        ("en", "@UPSRTC_Sample The 6:30 am bus from Agra to Delhi was cancelled again without notice, 40 passengers stranded at Idgah bus stand"),
        ("hi", "@UPHealth_Sample बरेली जिला अस्पताल में एक्स-रे मशीन 10 दिन से खराब है, मरीजों को बाहर भेजा जा रहा है"),
        ("hi", "@UPRevenue_Sample Jaunpur tehsil me khatauni me mera naam galat chadha hai, 3 mahine se chakkar kaat raha hu"),
        ("en", "@UPFood_Sample The ration dealer in our village in Sitapur gives only 3 kg wheat instead of 5 kg and asks for extra money."),
        ("hi", "@UPEducation_Sample बलिया के प्राथमिक विद्यालय में दो महीने से मिड-डे मील नहीं बना है"),
        ("en", "@Uppolice Ghaziabad me mere account se 24,000 nikal gaye after a call from a fake bank officer. Cyber cell me complaint kaise karu?"),
        ("en", "@noidapolice_Sample Some men harass girls every evening outside the metro station in Gautam Buddh Nagar sector 18. Please send a patrol."),
        ("hi", "@UPPCL_Sample Meerut me bijli ka bill 18,000 aaya hai jabki meter reading sirf 200 unit hai. Sudhar karwaiye"),
        ("en", "@UPJalNigam_Sample The sewer line on the main road of Aliganj, Lucknow has been overflowing for 3 days. Dirty water is entering homes."),
        ("hi", "@NagarNigam_Sample अलीगढ़ के रेलवे रोड पर सारी स्ट्रीट लाइट बंद हैं, रात में चलना मुश्किल है"),
        ("en", "@UPPWD_Sample The culvert on the Jhansi–Lalitpur highway near Babina has collapsed; trucks are taking a risky detour."),
        ("hi", "@UPSRTC_Sample Mathura RTO me driving licence ka test 3 baar cancel ho chuka hai, slot hi nahi milta"),
        ("en", "@UPHealth_Sample Called 108 for my father in Azamgarh, the ambulance came after 2 hours. This is unacceptable."),
        ("hi", "@UPRevenue_Sample बहराइच के गांव के तालाब पर दबंगों ने कब्जा कर लिया है, लेखपाल कार्रवाई नहीं कर रहा"),
        ("en", "@kanpurpolice_Sample Loud DJ after midnight every day in our colony in Kanpur Nagar, elderly people can't sleep."),
        ("hi", "@UPFood_Sample Gonda me mera ration card 6 mahine se pending hai, online status me kuch nahi dikhta"),
        ("en", "@UPEducation_Sample The government primary school in our ward of Moradabad has had no teacher for class 5 since July. "
            + "The children come every morning, sit in the verandah for four hours and go home without a single lesson. We wrote to the "
            + "block education officer twice and met the headmaster, who says a teacher was attached to another school. Please post a teacher "
            + "before the half-yearly exams; the children of daily-wage workers have no other school to go to."),
        ("en", "@Uppolice @lucknowpolice_Sample Chain snatching at Hazratganj crossing in Lucknow just now, two men on a black bike 🏍️"),
        ("hi", "@UPPCL_Sample वाराणसी में low voltage problem since 2 weeks, fans bhi nahi chal rahe 🥵"),
        ("hi", "@UPJalNigam_Sample आगरा के बिचपुरी गांव का हैंडपंप एक महीने से खराब है"),
        ("en", "@UPHealth_Sample Doctors at our PHC are never present before 11 am. Patients wait for hours in the sun."),
        ("en", "@myogiadityanath @NagarNigam_Sample Open drain near the Rampur bus stand has been overflowing for a month & mosquitoes everywhere <urgent>"),
    ];

    /// <summary>Gets the fake X user id of the citizen who posts a demo complaint.</summary>
    /// <param name="index">The complaint's index in <see cref="Complaints"/>.</param>
    /// <returns>The user id.</returns>
    public static string CitizenId(int index) =>
        (1600000000000000100L + index).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Seeds the fake X with the desks, the citizens and their posts.</summary>
    /// <param name="fake">The fake.</param>
    /// <param name="start">When the first post was made; later posts follow a few minutes apart.</param>
    /// <returns>The complaints' posts, in the order of <see cref="Complaints"/>.</returns>
    public static IReadOnlyList<FakeXPost> Seed(FakeXApi fake, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(fake);
        foreach (var (id, username) in Desks)
        {
            fake.AddUser(id, username);
        }

        fake.AddUser("1500000000000000099", "myogiadityanath", "Chief Minister");
        var posts = new List<FakeXPost>();
        for (var i = 0; i < Complaints.Count; i++)
        {
            var citizen = fake.AddUser(CitizenId(i), $"citizen_{i + 1:D2}", $"Citizen {i + 1}");
            var (lang, text) = Complaints[i];
            posts.Add(fake.AddPost(citizen.Id, text, start.AddMinutes(7 * i), lang: lang));
        }

        // The desk's own advisory, retweeted by a citizen: shows up in the desk's mentions but is not a grievance.
        var advisory = fake.AddPost("1500000000000000001", "Dial 112 in any emergency. Women can also reach the 1090 helpline any time.", start.AddMinutes(-60), lang: "en");
        fake.Retweet(posts[3].AuthorId, advisory.Id);

        // The first complainant writes again in their own thread: a follow-up, not a new complaint.
        fake.AddPost(posts[0].AuthorId, "@lucknowpolice_Sample Still no update on my scooter, please check.", start.AddMinutes(7 * Complaints.Count + 5), inReplyTo: posts[0].Id, lang: "en");
        return posts;
    }
}
