from media.images import publish_images


def test_pictures_are_published_under_content_addressed_names(tmp_path):
    content = tmp_path / "content"
    (content / "images" / "vneid").mkdir(parents=True)
    (content / "images" / "vneid" / "a.svg").write_text("<svg>a</svg>")
    (content / "images" / "vneid" / "copy-of-a.svg").write_text("<svg>a</svg>")
    (content / "images" / "vneid" / "b.svg").write_text("<svg>b</svg>")
    (content / "images" / "notes.txt").write_text("not a picture")
    static = tmp_path / "static" / "images"
    urls = publish_images(content, static, "/app/static/images")
    assert set(urls) == {"images/vneid/a.svg", "images/vneid/copy-of-a.svg", "images/vneid/b.svg"}
    assert urls["images/vneid/a.svg"] == urls["images/vneid/copy-of-a.svg"] != urls["images/vneid/b.svg"]
    assert len(list(static.iterdir())) == 2
    published = static / urls["images/vneid/b.svg"].rsplit("/", 1)[1]
    assert published.read_text() == "<svg>b</svg>"

    # an edited drawing gets a new name, so a phone's cached copy is never stale
    (content / "images" / "vneid" / "b.svg").write_text("<svg>b2</svg>")
    assert publish_images(content, static, "/app/static/images")["images/vneid/b.svg"] != urls["images/vneid/b.svg"]


def test_no_images_folder_means_no_pictures(tmp_path):
    assert publish_images(tmp_path, tmp_path / "static", "/x") == {}
